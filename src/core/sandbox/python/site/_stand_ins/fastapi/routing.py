"""Routes as FastAPI builds them from a decorated function: the path pattern, where each
parameter comes from, validation with pydantic's errors, and the response FastAPI would send."""
import copy
import inspect
import json
import re
import typing

from pydantic import BaseModel
from pydantic._validate import MISSING, Unsupported, error, validate
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .encoders import jsonable_encoder
from .params import Depends, Param

CONVERTERS = {
    "str": "[^/]+",
    "path": ".*",
    "int": "[0-9]+",
    "float": r"[0-9]+(\.[0-9]+)?",
    "uuid": "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
}
PARAM = re.compile(r"{([a-zA-Z_][a-zA-Z0-9_]*)(:[a-zA-Z_][a-zA-Z0-9_]*)?}")


def compile_path(path):
    regex, names, last = "^", [], 0
    for m in PARAM.finditer(path):
        converter = (m.group(2) or ":str")[1:]
        if converter not in CONVERTERS:
            raise Unsupported(f"the path converter ':{converter}'")
        regex += re.escape(path[last:m.start()]) + f"(?P<{m.group(1)}>{CONVERTERS[converter]})"
        names.append(m.group(1))
        last = m.end()
    return re.compile(regex + re.escape(path[last:]) + "$"), names


def is_model(tp):
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _model_in(tp):
    if is_model(tp):
        return True
    return any(is_model(a) or _model_in(a) for a in typing.get_args(tp))


class ParamSpec:
    def __init__(self, name, source, annotation, default, alias=None, marker=None):
        self.name = name
        self.source = source
        self.annotation = annotation
        self.default = default
        self.alias = alias
        self.marker = marker

    @property
    def required(self):
        return self.default is MISSING

    @property
    def key(self):
        if self.alias:
            return self.alias
        return self.name.replace("_", "-") if self.source == "header" else self.name


def analyse(endpoint, path_names):
    specs = []
    for p in inspect.signature(endpoint, eval_str=True).parameters.values():
        annotation = typing.Any if p.annotation is inspect.Parameter.empty else p.annotation
        marker = p.default if isinstance(p.default, (Param, Depends)) else None
        if typing.get_origin(annotation) is typing.Annotated:
            annotation, *meta = typing.get_args(annotation)
            marker = next((m for m in meta if isinstance(m, (Param, Depends))), marker)
        if isinstance(marker, Depends):
            raise Unsupported("dependencies (Depends)")
        default = MISSING if p.default is inspect.Parameter.empty else p.default
        if isinstance(annotation, type) and issubclass(annotation, Request):
            specs.append(ParamSpec(p.name, "request", annotation, MISSING))
            continue
        if marker is not None:
            source, default = marker.source, marker.default
        elif p.name in path_names:
            source = "path"
        elif _model_in(annotation):
            source = "body"
        else:
            source = "query"
        specs.append(ParamSpec(p.name, source, annotation, default,
                               getattr(marker, "alias", None), marker))
    return specs


class APIRoute:
    def __init__(self, path, endpoint, *, methods, status_code=None, response_model=MISSING,
                 response_class=JSONResponse, tags=None, summary=None, description=None,
                 name=None, include_in_schema=True, deprecated=None, operation_id=None,
                 responses=None, response_description="Successful Response"):
        self.path = path
        self.endpoint = endpoint
        self.methods = {m.upper() for m in methods}
        self.status_code = status_code
        self.response_class = response_class
        self.tags = list(tags or [])
        self.summary = summary
        self.description = description if description is not None else inspect.cleandoc(endpoint.__doc__ or "")
        self.name = name or endpoint.__name__
        self.include_in_schema = include_in_schema
        self.deprecated = deprecated
        self.operation_id = operation_id
        self.response_description = response_description
        self.regex, self.path_names = compile_path(path)
        self.params = analyse(endpoint, self.path_names)
        if response_model is MISSING:
            hint = inspect.signature(endpoint, eval_str=True).return_annotation
            response_model = None if hint is inspect.Parameter.empty or _is_response(hint) else hint
        self.response_model = response_model

    def matches(self, path):
        return self.regex.match(path)

    def body_params(self):
        return [p for p in self.params if p.source == "body"]

    def solve(self, request, path_values, body_bytes):
        values, errors = {}, []
        body_specs = self.body_params()
        body = None
        if body_specs and body_bytes:
            content_type = request.headers.get("content-type")
            is_json = content_type is None or re.match(r"application/([\w.+-]*\+)?json", content_type)
            if is_json:
                try:
                    body = json.loads(body_bytes)
                except json.JSONDecodeError as e:
                    return None, [error("json_invalid", ("body", e.pos), {}, "JSON decode error",
                                        {"error": e.msg})]
            else:
                body = body_bytes
        embed = len(body_specs) > 1 or any(getattr(s.marker, "embed", False) for s in body_specs)
        for spec in self.params:
            if spec.source == "request":
                values[spec.name] = request
                continue
            loc = (spec.source, spec.key)
            if spec.source == "path":
                raw = path_values[spec.name]
            elif spec.source == "query":
                raw = _multi(request.query_params, spec)
            elif spec.source == "header":
                raw = request.headers.get(spec.key, MISSING)
            elif spec.source == "cookie":
                raw = request.cookies.get(spec.key, MISSING)
            elif embed:
                raw = body.get(spec.key, MISSING) if isinstance(body, dict) else MISSING
            else:
                raw = MISSING if body is None else body
                loc = ("body",)
            if raw is MISSING:
                if spec.required:
                    errors.append(error("missing", loc, body if spec.source == "body" and embed else None,
                                        "Field required"))
                else:
                    values[spec.name] = copy.deepcopy(spec.default)
                continue
            value = validate(spec.annotation, raw, loc, errors, from_attributes=spec.source == "body")
            if value is not MISSING:
                values[spec.name] = value
        return values, errors

    def serialize(self, content):
        if isinstance(content, Response):
            return content
        if self.response_model is not None:
            if isinstance(content, BaseModel):
                content = content.model_dump()
            errors = []
            content = validate(self.response_model, content, ("response",), errors)
            if errors:
                raise ResponseValidationError(errors)
        response = self.response_class(jsonable_encoder(content), status_code=self.status_code or 200)
        if response.status_code < 200 or response.status_code in (204, 304):
            response.body = b""
        return response


class ResponseValidationError(ValueError):
    def __init__(self, errors):
        self._errors = errors
        n = len(errors)
        lines = [f"{n} validation error{'s' if n != 1 else ''}:"]
        lines += [f"  {e!r}" for e in errors]
        super().__init__("\n".join(lines))

    def errors(self):
        return self._errors


def _multi(params, spec):
    origin = typing.get_origin(spec.annotation)
    args = [a for a in typing.get_args(spec.annotation) if a is not type(None)]
    is_list = origin in (list, tuple, set) or any(typing.get_origin(a) in (list, tuple, set) for a in args)
    if is_list:
        values = params.getlist(spec.key)
        return values if values else MISSING
    return params.get(spec.key, MISSING)


def _is_response(tp):
    return isinstance(tp, type) and issubclass(tp, Response)


class APIRouter:
    def __init__(self, *, prefix="", tags=None, responses=None, dependencies=None, default_response_class=JSONResponse):
        if dependencies:
            raise Unsupported("router dependencies")
        self.prefix = prefix
        self.tags = list(tags or [])
        self.routes = []
        self.default_response_class = default_response_class

    def add_api_route(self, path, endpoint, *, methods=None, response_class=None, tags=None, **kwargs):
        if kwargs.pop("dependencies", None):
            raise Unsupported("route dependencies")
        route = APIRoute(self.prefix + path, endpoint, methods=methods or ["GET"],
                         response_class=response_class or self.default_response_class,
                         tags=self.tags + list(tags or []), **kwargs)
        self.routes.append(route)
        return route

    def api_route(self, path, *, methods=None, **kwargs):
        def decorator(func):
            self.add_api_route(path, func, methods=methods, **kwargs)
            return func

        return decorator

    def get(self, path, **kwargs):
        return self.api_route(path, methods=["GET"], **kwargs)

    def post(self, path, **kwargs):
        return self.api_route(path, methods=["POST"], **kwargs)

    def put(self, path, **kwargs):
        return self.api_route(path, methods=["PUT"], **kwargs)

    def patch(self, path, **kwargs):
        return self.api_route(path, methods=["PATCH"], **kwargs)

    def delete(self, path, **kwargs):
        return self.api_route(path, methods=["DELETE"], **kwargs)

    def options(self, path, **kwargs):
        return self.api_route(path, methods=["OPTIONS"], **kwargs)

    def head(self, path, **kwargs):
        return self.api_route(path, methods=["HEAD"], **kwargs)

    def include_router(self, router, *, prefix="", tags=None, **kwargs):
        if kwargs.get("dependencies"):
            raise Unsupported("router dependencies")
        for r in router.routes:
            if not isinstance(r, APIRoute):
                self.routes.append(r)
                continue
            self.routes.append(APIRoute(
                self.prefix + prefix + r.path, r.endpoint, methods=r.methods, status_code=r.status_code,
                response_model=r.response_model, response_class=r.response_class,
                tags=list(tags or []) + r.tags, summary=r.summary, description=r.description,
                name=r.name, include_in_schema=r.include_in_schema, deprecated=r.deprecated,
                operation_id=r.operation_id, response_description=r.response_description))
