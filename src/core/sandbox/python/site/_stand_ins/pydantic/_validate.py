"""Lax-mode validation as pydantic v2 does it for the field types small FastAPI apps use, with
pydantic-core's error types and messages (checked against real pydantic, tests/fixtures/python)."""
import math
import types
import typing

MISSING = object()
_NONE_TYPE = type(None)


from _layerwise import NotSimulated as Unsupported  # noqa: E402 (what the browser cannot run)


def error(kind, loc, value, msg, ctx=None):
    e = {"type": kind, "loc": tuple(loc), "msg": msg, "input": value}
    if ctx is not None:
        e["ctx"] = ctx
    return e


def _int(value, loc, errors):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            errors.append(error("finite_number", loc, value, "Input should be a finite number"))
        elif abs(value) >= 2**63:
            errors.append(error("int_parsing_size", loc, value,
                                "Unable to parse input string as an integer, exceeded maximum size"))
        elif value != int(value):
            errors.append(error("int_from_float", loc, value,
                                "Input should be a valid integer, got a number with a fractional part"))
        else:
            return int(value)
        return MISSING
    if isinstance(value, str):
        text = value.strip()
        if text.isascii():
            try:
                return int(text)
            except ValueError:
                pass
            try:
                number = float(text)
            except ValueError:
                number = None
            if number is not None and not math.isinf(number) and number == int(number):
                return int(number)
        errors.append(error("int_parsing", loc, value,
                            "Input should be a valid integer, unable to parse string as an integer"))
        return MISSING
    errors.append(error("int_type", loc, value, "Input should be a valid integer"))
    return MISSING


def _float(value, loc, errors):
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            if value.strip().isascii():
                return float(value.strip())
        except ValueError:
            pass
        errors.append(error("float_parsing", loc, value,
                            "Input should be a valid number, unable to parse string as a number"))
        return MISSING
    errors.append(error("float_type", loc, value, "Input should be a valid number"))
    return MISSING


_TRUE = {"1", "on", "t", "true", "y", "yes"}
_FALSE = {"0", "off", "f", "false", "n", "no"}


def _bool(value, loc, errors):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, float) and value in (0.0, 1.0):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        errors.append(error("bool_parsing", loc, value,
                            "Input should be a valid boolean, unable to interpret input"))
        return MISSING
    # A whole number (5, 5.0) cannot be read as a boolean; anything else is not one at all.
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 2**63)
    kind = "bool_parsing" if whole else "bool_type"
    msg = ("Input should be a valid boolean, unable to interpret input"
           if kind == "bool_parsing" else "Input should be a valid boolean")
    errors.append(error(kind, loc, value, msg))
    return MISSING


def _str(value, loc, errors):
    if isinstance(value, str):
        return value
    errors.append(error("string_type", loc, value, "Input should be a valid string"))
    return MISSING


SCALARS = {int: _int, float: _float, bool: _bool, str: _str}


def describe(tp):
    return getattr(tp, "__name__", None) or repr(tp)


def validate(tp, value, loc, errors, from_attributes=False):
    """The converted value, or MISSING with the errors appended. FastAPI validates request
    bodies with `from_attributes`, which words a non-object input differently."""
    from .main import BaseModel  # noqa: PLC0415 (cycle: models validate their fields here)

    if tp is typing.Any or tp is object:
        return value
    if tp in SCALARS:
        return SCALARS[tp](value, loc, errors)
    if tp is None or tp is _NONE_TYPE:
        if value is None:
            return None
        errors.append(error("none_required", loc, value, "Input should be None"))
        return MISSING
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp._validate(value, loc, errors, from_attributes)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not _NONE_TYPE]
        if value is None and len(rest) < len(args):
            return None
        if len(rest) == 1:
            return validate(rest[0], value, loc, errors)
        raise Unsupported(f"the union type {tp}")
    if origin is list or tp is list:
        if not isinstance(value, (list, tuple)):
            errors.append(error("list_type", loc, value, "Input should be a valid list"))
            return MISSING
        item = args[0] if args else typing.Any
        out, ok = [], True
        for i, v in enumerate(value):
            r = validate(item, v, (*loc, i), errors)
            ok = ok and r is not MISSING
            out.append(r)
        return out if ok else MISSING
    if origin is dict or tp is dict:
        if not isinstance(value, dict):
            errors.append(error("dict_type", loc, value, "Input should be a valid dictionary"))
            return MISSING
        key_t, val_t = args if args else (typing.Any, typing.Any)
        out, ok = {}, True
        for k, v in value.items():
            kk = validate(key_t, k, (*loc, k, "[key]"), errors)
            vv = validate(val_t, v, (*loc, k), errors)
            ok = ok and kk is not MISSING and vv is not MISSING
            out[kk] = vv
        return out if ok else MISSING
    raise Unsupported(f"the field type {describe(tp)}")
