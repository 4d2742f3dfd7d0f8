"""A stand-in for FastAPI (the real one needs pydantic-core, compiled code the browser cannot
install): routes, parameters, validation and responses as FastAPI 0.143 answers them."""
from starlette.requests import Request
from starlette.responses import Response

from . import status
from .applications import FastAPI
from .exceptions import HTTPException
from .params import Body, Cookie, Depends, File, Form, Header, Path, Query, Security
from .routing import APIRouter

__version__ = "0.143.3"
__all__ = ["FastAPI", "APIRouter", "HTTPException", "Request", "Response", "status", "Body",
           "Cookie", "Depends", "File", "Form", "Header", "Path", "Query", "Security"]
