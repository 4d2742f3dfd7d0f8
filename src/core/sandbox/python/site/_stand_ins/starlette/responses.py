"""Responses as Starlette renders them: body bytes, then content-length and content-type added
after the app's own headers."""
import json


class Response:
    media_type = None
    charset = "utf-8"

    def __init__(self, content=None, status_code=200, headers=None, media_type=None, background=None):
        self.status_code = status_code
        if media_type is not None:
            self.media_type = media_type
        self.body = self.render(content)
        self._raw = self._init_headers(headers or {})

    def render(self, content):
        if content is None:
            return b""
        if isinstance(content, (bytes, memoryview)):
            return bytes(content)
        return content.encode(self.charset)

    def _init_headers(self, headers):
        """The app's headers, then content-length and content-type unless given, as Starlette does at init."""
        out = [(k.lower(), str(v)) for k, v in headers.items()]
        names = {k for k, _ in out}
        body_allowed = not (self.status_code < 200 or self.status_code in (204, 304))
        if body_allowed and "content-length" not in names:
            out.append(("content-length", str(len(self.body))))
        if self.media_type is not None and "content-type" not in names:
            content_type = self.media_type
            if content_type.startswith("text/") and "charset=" not in content_type.lower():
                content_type += "; charset=" + self.charset
            out.append(("content-type", content_type))
        return out

    @property
    def headers(self):
        return _Headers(self)

    def raw_headers(self):
        return list(self._raw)

    def set_cookie(self, key, value="", **_):
        self._raw.append(("set-cookie", f"{key}={value}; Path=/; SameSite=lax"))


class _Headers:
    def __init__(self, response):
        self._r = response

    def __setitem__(self, key, value):
        key = key.lower()
        raw = self._r._raw
        at = next((i for i, (k, _) in enumerate(raw) if k == key), None)
        if at is None:
            raw.append((key, str(value)))
        else:
            raw[at] = (key, str(value))

    def __getitem__(self, key):
        for k, v in self._r.raw_headers():
            if k == key.lower():
                return v
        raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default


class HTMLResponse(Response):
    media_type = "text/html"


class PlainTextResponse(Response):
    media_type = "text/plain"


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content):
        return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None,
                          separators=(",", ":")).encode("utf-8")


class RedirectResponse(Response):
    def __init__(self, url, status_code=307, headers=None, background=None):
        super().__init__(content=b"", status_code=status_code, headers=headers)
        from urllib.parse import quote  # noqa: PLC0415

        self.headers["location"] = quote(str(url), safe=":/%#?=@[]!$&'()*+,;")
