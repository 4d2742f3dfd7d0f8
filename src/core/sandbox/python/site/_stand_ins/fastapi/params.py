"""Where a parameter comes from (Query, Path, Body, Header) and its default, as FastAPI reads them."""
from pydantic._validate import MISSING, Unsupported


class Param:
    source = "query"

    def __init__(self, default=MISSING, *, alias=None, title=None, description=None,
                 examples=None, embed=None, include_in_schema=True, **constraints):
        self.default = MISSING if default is Ellipsis else default
        self.alias = alias
        self.title = title
        self.description = description
        self.embed = embed
        self.include_in_schema = include_in_schema
        constraints = {k: v for k, v in constraints.items() if v is not None and k != "deprecated"}
        if constraints:
            raise Unsupported(f"{type(self).__name__}() constraints (" + ", ".join(constraints) + ")")


class Query(Param):
    source = "query"


class Path(Param):
    source = "path"


class Body(Param):
    source = "body"


class Header(Param):
    source = "header"


class Cookie(Param):
    source = "cookie"


class Depends:
    def __init__(self, dependency=None, *, use_cache=True):
        self.dependency = dependency


def unsupported_marker(name):
    def marker(*args, **kwargs):
        raise Unsupported(f"fastapi.{name}()")

    return marker


Form = unsupported_marker("Form")
File = unsupported_marker("File")
Security = unsupported_marker("Security")
