"""HTTP status codes as named constants (starlette.status): HTTP_404_NOT_FOUND = 404, …"""
import http

for _s in http.HTTPStatus:
    _name = _s.phrase.upper().replace(" ", "_").replace("-", "_").replace("'", "")
    globals()[f"HTTP_{_s.value}_{_name}"] = _s.value
    globals()[f"HTTP_{_s.value}_{_s.name}"] = _s.value

# Names Starlette keeps for code written before RFC 9110 renamed them.
HTTP_413_REQUEST_ENTITY_TOO_LARGE = 413
HTTP_414_REQUEST_URI_TOO_LONG = 414
HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE = 416
HTTP_422_UNPROCESSABLE_ENTITY = 422
