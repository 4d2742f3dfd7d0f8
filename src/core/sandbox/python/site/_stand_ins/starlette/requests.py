"""The request as an endpoint sees it: method, URL parts, headers, query parameters, the body."""
import json
from urllib.parse import parse_qsl


class _MultiDict(dict):
    def __init__(self, pairs):
        super().__init__(pairs)
        self._pairs = list(pairs)

    def getlist(self, key):
        return [v for k, v in self._pairs if k == key]

    def multi_items(self):
        return list(self._pairs)


class Headers(_MultiDict):
    def __init__(self, pairs):
        super().__init__([(k.lower(), v) for k, v in pairs])

    def get(self, key, default=None):
        return super().get(key.lower(), default)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())


class URL:
    def __init__(self, scheme, host, path, query):
        self.scheme = scheme
        self.hostname, _, port = host.partition(":")
        self.port = int(port) if port else None
        self.netloc = host
        self.path = path
        self.query = query

    def __str__(self):
        return f"{self.scheme}://{self.netloc}{self.path}" + (f"?{self.query}" if self.query else "")

    def __repr__(self):
        return f"URL({str(self)!r})"


class Address(tuple):
    host = property(lambda self: self[0])
    port = property(lambda self: self[1])


class Request:
    def __init__(self, method, path, query, headers, body, client, path_params=None):
        self.method = method
        self.headers = Headers(headers)
        self.url = URL("http", self.headers.get("host", "127.0.0.1:8000"), path, query)
        self.base_url = URL("http", self.url.netloc, "/", "")
        self.query_params = _MultiDict(parse_qsl(query, keep_blank_values=True))
        self.path_params = path_params or {}
        self.cookies = {}
        host, _, port = client.rpartition(":")
        self.client = Address((host, int(port or 0)))
        self._body = body
        self.state = type("State", (), {})()

    async def body(self):
        return self._body

    async def json(self):
        return json.loads(self._body)

    def url_for(self, name, **params):
        return str(self.base_url).rstrip("/") + "/"
