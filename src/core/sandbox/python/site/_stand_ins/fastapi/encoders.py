"""jsonable_encoder: what FastAPI turns a return value into before JSONResponse renders it."""
import dataclasses
import datetime
import decimal
import enum
import pathlib
import uuid

from pydantic import BaseModel


def jsonable_encoder(obj, exclude_none=False):
    if isinstance(obj, BaseModel):
        return jsonable_encoder(obj.model_dump(mode="json", exclude_none=exclude_none), exclude_none)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return jsonable_encoder(dataclasses.asdict(obj), exclude_none)
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (str, int, float, type(None))):
        return obj
    if isinstance(obj, dict):
        return {jsonable_encoder(k): jsonable_encoder(v, exclude_none) for k, v in obj.items()
                if not (exclude_none and v is None)}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [jsonable_encoder(v, exclude_none) for v in obj]
    if isinstance(obj, (datetime.date, datetime.time)):
        return obj.isoformat()
    if isinstance(obj, datetime.timedelta):
        return obj.total_seconds()
    if isinstance(obj, decimal.Decimal):
        return int(obj) if obj.as_tuple().exponent >= 0 else float(obj)
    if isinstance(obj, (uuid.UUID, pathlib.PurePath)):
        return str(obj)
    if isinstance(obj, bytes):
        return obj.decode()
    try:
        return jsonable_encoder(dict(obj), exclude_none)
    except Exception:
        return jsonable_encoder(vars(obj), exclude_none)
