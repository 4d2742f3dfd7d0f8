from starlette.exceptions import HTTPException


class RequestValidationError(ValueError):
    def __init__(self, errors, body=None):
        super().__init__(errors)
        self._errors = errors
        self.body = body

    def errors(self):
        return self._errors


__all__ = ["HTTPException", "RequestValidationError"]
