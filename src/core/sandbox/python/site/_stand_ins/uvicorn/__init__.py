"""A stand-in for Uvicorn's Python API: `uvicorn.run(app, ...)` hands the app to the sandbox's
server, which prints Uvicorn's own log lines and answers requests."""
__version__ = "0.53.0"


def run(app, *, host="127.0.0.1", port=8000, reload=False, **options):
    import _layerwise  # noqa: PLC0415

    raise _layerwise.Serve(app, host, int(port), bool(reload))


class Config:
    def __init__(self, *args, **kwargs):
        import _layerwise  # noqa: PLC0415

        raise _layerwise.NotSimulated("uvicorn.Config and uvicorn.Server")


Server = Config
