"""BaseModel as pydantic v2 shows it to an app: annotated fields with defaults, validation on
construction and `model_validate`, `model_dump`, repr, and ValidationError with `errors()`."""
import copy
import inspect
import typing

from ._validate import MISSING, Unsupported, error, validate


class FieldInfo:
    def __init__(self, default=MISSING, *, default_factory=None, description=None, title=None,
                 examples=None, alias=None, **constraints):
        self.default = default if default is not Ellipsis else MISSING
        self.default_factory = default_factory
        self.description = description
        self.title = title
        self.examples = examples
        self.alias = alias
        self.constraints = {k: v for k, v in constraints.items() if v is not None}
        if self.constraints:
            raise Unsupported("Field constraints (" + ", ".join(self.constraints) + ")")

    @property
    def required(self):
        return self.default is MISSING and self.default_factory is None

    def make_default(self):
        if self.default_factory is not None:
            return self.default_factory()
        return copy.deepcopy(self.default)


def Field(default=MISSING, **kwargs):  # noqa: N802 (pydantic's spelling)
    return FieldInfo(default, **kwargs)


class ValidationError(ValueError):
    def __init__(self, title, errors):
        self.title = title
        self._errors = errors
        super().__init__(self.__str__())

    def errors(self, *, include_url=True, include_context=True, include_input=True):
        out = []
        for e in self._errors:
            e = dict(e)
            if not include_context:
                e.pop("ctx", None)
            if not include_input:
                e.pop("input", None)
            if include_url:
                e["url"] = f"https://errors.pydantic.dev/2.13/v/{e['type']}"
            out.append(e)
        return out

    def error_count(self):
        return len(self._errors)

    def __str__(self):
        n = len(self._errors)
        lines = [f"{n} validation error{'s' if n != 1 else ''} for {self.title}"]
        for e in self._errors:
            lines.append(".".join(str(p) for p in e["loc"]))
            lines.append(f"  {e['msg']} [type={e['type']}, input_value={e['input']!r}, "
                         f"input_type={type(e['input']).__name__}]")
            lines.append(f"    For further information visit https://errors.pydantic.dev/2.13/v/{e['type']}")
        return "\n".join(lines)


class _ModelMeta(type):
    def __new__(mcs, name, bases, namespace, **kwargs):
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        fields = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "model_fields", {}))
        hints = inspect.get_annotations(cls, eval_str=True)
        for field, tp in hints.items():
            if field.startswith("_") or typing.get_origin(tp) is typing.ClassVar:
                continue
            default = namespace.get(field, MISSING)
            info = default if isinstance(default, FieldInfo) else FieldInfo(default)
            info.annotation = tp
            fields[field] = info
            if field in namespace:
                delattr(cls, field)
        cls.model_fields = fields
        return cls


class BaseModel(metaclass=_ModelMeta):
    model_fields: typing.ClassVar[dict] = {}

    def __init__(self, **data):
        errors = []
        values = self._fields_from(data, (), errors)
        if errors:
            raise ValidationError(type(self).__name__, errors)
        object.__setattr__(self, "__dict__", values)

    @classmethod
    def _fields_from(cls, data, loc, errors):
        values = {}
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key not in data:
                if info.required:
                    errors.append(error("missing", (*loc, key), data, "Field required"))
                else:
                    values[name] = info.make_default()
                continue
            values[name] = validate(info.annotation, data[key], (*loc, key), errors)
        return values

    @classmethod
    def _validate(cls, value, loc, errors, from_attributes=False):
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict) and from_attributes:
            errors.append(error("model_attributes_type", loc, value,
                                "Input should be a valid dictionary or object to extract fields from"))
            return MISSING
        if not isinstance(value, dict):
            errors.append(error("model_type", loc, value,
                                f"Input should be a valid dictionary or instance of {cls.__name__}",
                                {"class_name": cls.__name__}))
            return MISSING
        before = len(errors)
        values = cls._fields_from(value, loc, errors)
        if len(errors) > before:
            return MISSING
        instance = cls.__new__(cls)
        object.__setattr__(instance, "__dict__", values)
        return instance

    @classmethod
    def model_validate(cls, obj):
        errors = []
        result = cls._validate(obj, (), errors)
        if errors:
            raise ValidationError(cls.__name__, errors)
        return result

    @classmethod
    def model_validate_json(cls, text):
        import json  # noqa: PLC0415

        return cls.model_validate(json.loads(text))

    def model_dump(self, *, exclude_none=False, exclude_unset=False, include=None, exclude=None, mode="python"):
        out = {}
        for name in type(self).model_fields:
            if include is not None and name not in include:
                continue
            if exclude is not None and name in exclude:
                continue
            value = _dump(getattr(self, name), mode)
            if exclude_none and value is None:
                continue
            out[name] = value
        return out

    def model_dump_json(self, **kwargs):
        import json  # noqa: PLC0415

        return json.dumps(self.model_dump(mode="json", **kwargs), separators=(",", ":"), ensure_ascii=False)

    def model_copy(self, *, update=None):
        clone = copy.copy(self)
        object.__setattr__(clone, "__dict__", {**self.__dict__, **(update or {})})
        return clone

    # pydantic v1 names, still accepted by v2 with a deprecation warning
    def dict(self, **kwargs):
        return self.model_dump(**kwargs)

    def json(self, **kwargs):
        return self.model_dump_json(**kwargs)

    def __eq__(self, other):
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __iter__(self):
        yield from self.__dict__.items()

    def __repr_args__(self):
        return [(k, getattr(self, k)) for k in type(self).model_fields]

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__repr_args__())
        return f"{type(self).__name__}({inner})"

    def __str__(self):
        return " ".join(f"{k}={v!r}" for k, v in self.__repr_args__())


def _dump(value, mode):
    if isinstance(value, BaseModel):
        return value.model_dump(mode=mode)
    if isinstance(value, list):
        return [_dump(v, mode) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v, mode) for k, v in value.items()}
    return value
