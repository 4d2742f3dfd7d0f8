"""A stand-in for the parts of Starlette that FastAPI apps touch directly: responses, the
request object, HTTPException and the status codes."""

__version__ = "1.9.0"
