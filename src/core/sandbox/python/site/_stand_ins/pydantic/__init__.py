"""A stand-in for pydantic v2 (the real one needs pydantic-core, compiled code the browser cannot
install): the parts FastAPI apps in the course use, with pydantic's own error wording."""
from ._validate import Unsupported
from .main import BaseModel, Field, FieldInfo, ValidationError

VERSION = "2.13.5"
__version__ = VERSION
__all__ = ["BaseModel", "Field", "FieldInfo", "ValidationError", "Unsupported"]
