from starlette.requests import Request

__all__ = ["Request"]
