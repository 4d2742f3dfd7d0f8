"""`/openapi.json` as FastAPI generates it from the routes (pydantic's JSON Schema for parameters
and models), and the `/docs` and `/redoc` pages, compared with the real output in tests."""
import re
import types
import typing

from pydantic import BaseModel
from _layerwise import fastapi_version
from starlette.responses import JSONResponse

SCALAR = {int: "integer", float: "number", str: "string", bool: "boolean"}


def title(name):
    return " ".join(w[:1].upper() + w[1:] for w in name.split("_") if w)


def schema_of(tp, models):
    if tp in SCALAR:
        return {"type": SCALAR[tp]}
    if tp is type(None) or tp is None:
        return {"type": "null"}
    if tp is typing.Any:
        return {}
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        models[tp.__name__] = tp
        return {"$ref": f"#/components/schemas/{tp.__name__}"}
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [schema_of(a, models) for a in args]}
    if origin is list or tp is list:
        return {"items": schema_of(args[0], models), "type": "array"} if args else {"items": {}, "type": "array"}
    if origin is dict or tp is dict:
        if args and args[1] is not typing.Any:
            return {"additionalProperties": schema_of(args[1], models), "type": "object"}
        return {"additionalProperties": True, "type": "object"}
    return {}


def model_schema(model, models):
    props, required = {}, []
    for name, info in model.model_fields.items():
        prop = {**schema_of(info.annotation, models), "title": info.title or title(name)}
        if info.description:
            prop["description"] = info.description
        if info.required:
            required.append(name)
        elif info.default_factory is None and info.default is not None:
            prop["default"] = info.default
        props[name] = prop
    out = {"properties": props, "type": "object"}
    if required:
        out["required"] = required
    out["title"] = model.__name__
    return out


VALIDATION = {
    "HTTPValidationError": {
        "properties": {"detail": {"items": {"$ref": "#/components/schemas/ValidationError"},
                                  "type": "array", "title": "Detail"}},
        "type": "object", "title": "HTTPValidationError"},
    "ValidationError": {
        "properties": {
            "loc": {"items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}, "type": "array",
                    "title": "Location"},
            "msg": {"type": "string", "title": "Message"},
            "type": {"type": "string", "title": "Error Type"},
            "input": {"title": "Input"},
            "ctx": {"type": "object", "title": "Context"}},
        "type": "object", "required": ["loc", "msg", "type"], "title": "ValidationError"},
}


def operation(route, method, models):
    op = {}
    if route.tags:
        op["tags"] = route.tags
    op["summary"] = route.summary or title(route.name)
    if route.description:
        op["description"] = route.description
    op["operationId"] = route.operation_id or re.sub(r"\W", "_", f"{route.name}{route.path}") + f"_{method.lower()}"
    params = []
    for spec in route.params:
        if spec.source in ("request", "body"):
            continue
        schema = {**schema_of(spec.annotation, models)}
        if not spec.required and spec.default is not None:
            schema["default"] = spec.default
        schema["title"] = title(spec.key) if spec.source != "header" else title(spec.name)
        params.append({"name": spec.key, "in": spec.source, "required": spec.required, "schema": schema})
    if params:
        op["parameters"] = params
    body = route.body_params()
    if body:
        spec = body[0]
        content = {"application/json": {"schema": schema_of(spec.annotation, models)}}
        # FastAPI 0.143 puts "required" first when the operation also has parameters (as recorded).
        op["requestBody"] = ({"required": spec.required, "content": content} if params
                             else {"content": content, "required": spec.required})
    status = str(route.status_code or 200)
    media = getattr(route.response_class, "media_type", "application/json")
    if route.status_code in (204, 304):
        ok = {"description": route.response_description}
    elif route.response_class is JSONResponse:
        schema = schema_of(route.response_model, models) if route.response_model is not None else {}
        ok = {"description": route.response_description, "content": {media: {"schema": schema}}}
    else:
        ok = {"description": route.response_description, "content": {media: {"schema": {"type": "string"}}}}
    op["responses"] = {status: ok}
    if any(p.source not in ("request",) for p in route.params):
        op["responses"]["422"] = {"description": "Validation Error", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/HTTPValidationError"}}}}
        models["__validation__"] = True
    if route.deprecated:
        op["deprecated"] = True
    return op


def openapi_schema(app):
    models, paths = {}, {}
    for route in app.routes:
        if not route.include_in_schema:
            continue
        for method in sorted(route.methods, key=["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"].index):
            paths.setdefault(route.path, {})[method.lower()] = operation(route, method, models)
    info = {"title": app.title}
    if app.summary:
        info["summary"] = app.summary
    if app.description:
        info["description"] = app.description
    info["version"] = app.version
    out = {"openapi": "3.1.0", "info": info, "paths": paths}
    schemas = {}
    pending = [m for k, m in models.items() if k != "__validation__"]
    while pending:
        model = pending.pop()
        if model.__name__ in schemas:
            continue
        before = set(models)
        schemas[model.__name__] = model_schema(model, models)
        pending += [models[k] for k in set(models) - before]
    if models.get("__validation__"):
        schemas.update(VALIDATION)
        if fastapi_version() < (0, 143):
            # 0.115 (recorded) has no "input" and "ctx" here, 0.143 (recorded) has them.
            schemas["ValidationError"] = {**VALIDATION["ValidationError"], "properties": {
                k: v for k, v in VALIDATION["ValidationError"]["properties"].items() if k not in ("input", "ctx")}}
    if schemas:
        out["components"] = {"schemas": dict(sorted(schemas.items()))}
    if app.openapi_tags:
        out["tags"] = app.openapi_tags
    return out


def swagger_ui_html(app):
    html = SWAGGER.replace("{title}", app.title).replace("{openapi_url}", app.openapi_url)
    if fastapi_version() < (0, 143):
        html = html.replace(VIEWPORT, "")
    return html


def redoc_html(app):
    return REDOC.replace("{title}", app.title).replace("{openapi_url}", app.openapi_url)


SWAGGER = """
    <!DOCTYPE html>
    <html>
    <head>
    {VIEWPORT}<link type="text/css" rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
    <link rel="shortcut icon" href="https://fastapi.tiangolo.com/img/favicon.png">
    <title>{title} - Swagger UI</title>
    </head>
    <body>
    <div id="swagger-ui">
    </div>
    <script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
    <!-- `SwaggerUIBundle` is now available on the page -->
    <script>
    const ui = SwaggerUIBundle({
        url: '{openapi_url}',
    "dom_id": "#swagger-ui",
"layout": "BaseLayout",
"deepLinking": true,
"showExtensions": true,
"showCommonExtensions": true,
oauth2RedirectUrl: window.location.origin + '/docs/oauth2-redirect',
    presets: [
        SwaggerUIBundle.presets.apis,
        SwaggerUIBundle.SwaggerUIStandalonePreset
        ],
    })
    </script>
    </body>
    </html>
    """

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n    '
SWAGGER = SWAGGER.replace("{VIEWPORT}", VIEWPORT)
REDOC = SWAGGER
