"""FastAPI(): routes, the docs pages, and one request answered as Starlette's router and FastAPI's
handlers answer it (redirect_slashes, 404, 405, 422, HTTPException, 500)."""
import inspect

from pydantic._validate import Unsupported
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .encoders import jsonable_encoder
from .openapi import openapi_schema, swagger_ui_html, redoc_html
from .routing import APIRouter


class FastAPI(APIRouter):
    def __init__(self, *, title="FastAPI", version="0.1.0", description="", summary=None,
                 docs_url="/docs", redoc_url="/redoc", openapi_url="/openapi.json",
                 root_path="", lifespan=None, dependencies=None, debug=False,
                 default_response_class=JSONResponse, openapi_tags=None, **kwargs):
        if lifespan is not None:
            raise Unsupported("FastAPI(lifespan=...)")
        super().__init__(dependencies=dependencies, default_response_class=default_response_class)
        self.title = title
        self.version = version
        self.description = description
        self.summary = summary
        self.docs_url = docs_url
        self.redoc_url = redoc_url
        self.openapi_url = openapi_url
        self.openapi_tags = openapi_tags
        self.exception_handlers = {}
        self.startup = []
        self.state = type("State", (), {})()
        self.openapi_schema = None

    def openapi(self):
        if self.openapi_schema is None:
            self.openapi_schema = openapi_schema(self)
        return self.openapi_schema

    def on_event(self, event):
        def decorator(func):
            if event == "startup":
                self.startup.append(func)
            return func

        return decorator

    def exception_handler(self, exc_class):
        def decorator(func):
            self.exception_handlers[exc_class] = func
            return func

        return decorator

    def middleware(self, kind):
        raise Unsupported("middleware (@app.middleware)")

    def add_middleware(self, cls, **options):
        raise Unsupported(f"middleware ({getattr(cls, '__name__', cls)})")

    def mount(self, path, app, name=None):
        raise Unsupported("mounted apps (app.mount)")

    def _builtin(self, path):
        if self.openapi_url and path == self.openapi_url:
            return lambda: JSONResponse(self.openapi())
        if self.docs_url and path == self.docs_url:
            return lambda: HTMLResponse(swagger_ui_html(self))
        if self.redoc_url and path == self.redoc_url:
            return lambda: HTMLResponse(redoc_html(self))
        return None

    def handle(self, method, path, query, headers, body, client):
        request = Request(method, path, query, headers, body, client)
        try:
            return self._dispatch(request, body)
        except HTTPException as exc:
            return self._handled(request, exc) or JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    def _dispatch(self, request, body):
        path = request.url.path
        builtin = self._builtin(path)
        if builtin is not None:
            if request.method not in ("GET", "HEAD"):
                raise HTTPException(405, headers={"Allow": "GET, HEAD"})
            return builtin()
        partial = None
        for route in self.routes:
            match = route.matches(path)
            if not match:
                continue
            if request.method in route.methods:
                request.path_params = match.groupdict()
                return self._call(route, request, match.groupdict(), body)
            partial = partial or route
        if partial is not None:
            raise HTTPException(405, headers={"Allow": ", ".join(partial.methods)})
        if path != "/":
            other = path[:-1] if path.endswith("/") else path + "/"
            if any(r.matches(other) for r in self.routes) or self._builtin(other):
                url = f"http://{request.url.netloc}{other}" + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse(url)
        raise HTTPException(404)

    def _call(self, route, request, path_values, body):
        from .exceptions import RequestValidationError  # noqa: PLC0415

        values, errors = route.solve(request, path_values, body)
        if errors:
            exc = RequestValidationError(errors, body=body)
            handled = self._handled(request, exc)
            if handled is not None:
                return handled
            return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
        try:
            return route.serialize(run(route.endpoint(**values)))
        except HTTPException:
            raise
        except Exception as exc:
            handled = self._handled(request, exc)
            if handled is None:
                raise
            return handled

    def _handled(self, request, exc):
        for cls in type(exc).__mro__:
            if cls in self.exception_handlers:
                return run(self.exception_handlers[cls](request, exc))
        return None


def run(result):
    """Awaits what an `async def` endpoint returns; an endpoint that waits on real I/O is beyond the stand-in."""
    if not inspect.iscoroutine(result):
        return result
    try:
        result.send(None)
    except StopIteration as done:
        return done.value
    result.close()
    raise Unsupported("awaiting asyncio (sleep, tasks, I/O) inside an endpoint")


__all__ = ["FastAPI", "Response"]
