from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)

ORJSONResponse = JSONResponse
UJSONResponse = JSONResponse

__all__ = ["HTMLResponse", "JSONResponse", "PlainTextResponse", "RedirectResponse", "Response",
           "ORJSONResponse", "UJSONResponse"]
