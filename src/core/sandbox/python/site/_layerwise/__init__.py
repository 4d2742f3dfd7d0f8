"""The sandbox's side of the bridge: the TypeScript simulator calls `call(name, json)` to start a
Python process (import the learner's app, run a script, or give a prompt), send it a request or a
prompt's input, or stop it."""
import http
import importlib
import json
import linecache
import sys
import traceback

from .imports import STAND_INS
from .process import Process


class NotSimulated(Exception):
    """Code the browser terminal cannot run: a package it has no stand-in for, or a construct
    the stand-ins do not support. Real Docker on the learner's machine runs it."""


class Serve(BaseException):
    """Raised by the stand-in `uvicorn.run()`: the script hands its app to the server."""

    def __init__(self, app, host, port, reload):
        super().__init__(app, host, port, reload)
        self.app, self.host, self.port, self.reload = app, host, port, reload


processes = {}
_next_pid = iter(range(1, 1 << 30))


def fastapi_version():
    """The FastAPI release the running process's stand-in answers as."""
    from .imports import finder  # noqa: PLC0415

    return finder.process.fastapi if finder.process else (0, 143, 3)


def call(name, payload):
    return json.dumps(COMMANDS[name](**json.loads(payload)))


def _not_simulated(exc, process):
    """What the browser cannot run, or None: a module the environment installed (or the standard
    library has) but Pyodide lacks, or a construct a stand-in refuses."""
    if isinstance(exc, NotSimulated):
        return str(exc)
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        top = exc.name.partition(".")[0]
        if top in sys.stdlib_module_names:
            return f"the standard library module '{top}'"
        if _distribution(top) in process.packages:
            return f"the module '{top}'"
    return None


ALIASES = {"yaml": "pyyaml", "pil": "pillow", "dotenv": "python-dotenv", "jose": "python-jose",
           "multipart": "python-multipart", "jwt": "pyjwt", "sklearn": "scikit-learn",
           "bs4": "beautifulsoup4", "dateutil": "python-dateutil", "psycopg2": "psycopg2-binary"}


def _distribution(module):
    module = module.lower()
    return ALIASES.get(module, module).replace("_", "-")


def _format(exc, process):
    # Processes may hold different files under one path (two containers' /app/app/main.py):
    # the source lines are read afresh from this process's modules.
    linecache.clearcache()
    sources = dict(process.files)
    if process.inline is not None:
        sources["<string>"] = process.inline
    for path, text in sources.items():
        linecache.cache[path] = (len(text), None, text.splitlines(True), path)
    te = learners_frames(traceback.TracebackException.from_exception(exc))
    text = "".join(te.format())
    return text.replace(STAND_INS, process.site_packages)


def learners_frames(te):
    """A traceback without the sandbox's own frames (this bridge, the time limit's tracer)."""
    te.stack = traceback.StackSummary.from_list(
        [f for f in te.stack if "/_layerwise/" not in f.filename])
    return te


def _exit(process, code, extra=None):
    process.stdout.flush()
    out = {"state": "exited", "exitCode": code, "output": process.take_output()}
    if extra:
        out.update(extra)
    return out


def start(config):
    """Starts a process; its id is the interpreter's own, so sandboxes sharing one never collide."""
    pid = next(_next_pid)
    out = _start(pid, config)
    out["pid"] = pid
    return out


def _start(pid, config):
    process = processes[pid] = Process(config)
    if config["mode"] == "prompt":
        from .prompt import Console  # noqa: PLC0415 (_pyrepl loads only for a prompt)

        process.prompt = Console(process, _not_simulated)
        return {"state": "prompt", "output": []}
    with process.active():
        try:
            if config["mode"] == "import":
                module_name, _, attribute = config["target"].partition(":")
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name == module_name:
                        return _exit(process, 1, {"error": {"kind": "no-module", "module": module_name}})
                    raise
                app = module
                for part in attribute.split("."):
                    if not hasattr(app, part):
                        return _exit(process, 1, {"error": {"kind": "no-attribute", "module": module_name,
                                                            "attribute": attribute}})
                    app = getattr(app, part)
                return _serving(process, app, None)
            code = compile(config["source"], config["target"], "exec")
            module = type(sys)("__main__")
            module.__file__ = config["target"]
            learners = set(process.files) | {config["target"]}
            with process.time_limited(learners.__contains__):
                exec(code, module.__dict__)
            return _exit(process, 0)
        except Serve as serve:
            return _serving(process, serve.app, {"host": serve.host, "port": serve.port, "reload": serve.reload})
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if exc.code is not None and not isinstance(exc.code, int):
                print(exc.code, file=sys.stderr)
            return _exit(process, code)
        except BaseException as exc:  # noqa: BLE001 (the learner's code may raise anything)
            if process.overran:
                # stopped as Ctrl+C stops CPython: its traceback, and 130 (128 + SIGINT)
                return _exit(process, 130, {"error": {"kind": "traceback", "text": _format(exc, process)},
                                            "overran": True})
            what = _not_simulated(exc, process)
            if what is not None:
                return _exit(process, 1, {"error": {"kind": "not-simulated", "what": what}})
            return _exit(process, 1, {"error": {"kind": "traceback", "text": _format(exc, process)}})


def _serving(process, app, serve):
    from fastapi import FastAPI  # noqa: PLC0415

    if not isinstance(app, FastAPI):
        kind = type(app).__name__
        return _exit(process, 1, {"error": {"kind": "not-simulated",
                                            "what": f"an ASGI app that is not FastAPI ({kind})"}})
    process.app = app
    for hook in app.startup:
        hook()
    return {"state": "serving", "serve": serve, "output": process.take_output()}


def request(pid, method, path, query, headers, body, client, access_log=True):
    process = processes[pid]
    with process.active():
        answer = _answer(process, method, path, query, headers, body, client)
        if access_log:
            # Uvicorn's access logger writes to stdout and flushes it, and with it whatever
            # print() had left in the buffer.
            target = path + (f"?{query}" if query else "")
            process.stdout.write(f'INFO:     {client} - "{method} {target} HTTP/1.1" '
                                 f'{answer["status"]} {answer["reason"]}\n')
            process.stdout.flush()
        answer["output"] = process.take_output()
        return answer


def _answer(process, method, path, query, headers, body, client):
    crash = None
    try:
        response = process.app.handle(method, path, query, headers, body.encode("utf-8"), client)
    except BaseException as exc:  # noqa: BLE001
        what = _not_simulated(exc, process)
        crash = {"kind": "not-simulated", "what": what} if what else {
            "kind": "traceback", "text": _format(exc, process)}
        if crash["kind"] == "traceback":
            print("ERROR:    Exception in ASGI application\n" + crash["text"], end="", file=sys.stderr)
        return {"status": 500, "reason": "Internal Server Error", "error": crash,
                "headers": [["content-length", "21"], ["content-type", "text/plain; charset=utf-8"]],
                "body": "Internal Server Error"}
    return {
        "status": response.status_code,
        "reason": http.HTTPStatus(response.status_code).phrase,
        "headers": response.raw_headers(),
        "body": response.body.decode("utf-8", "replace"),
        "error": crash,
    }


def stop(pid, graceful=True):
    process = processes.pop(pid, None)
    if process is None:
        return {"output": []}
    if graceful:
        process.stdout.flush()
    return {"output": process.take_output() if graceful else []}


def feed(pid, source):
    from .prompt import feed as feed_prompt  # noqa: PLC0415

    return feed_prompt(processes[pid], source)


COMMANDS = {"start": start, "request": request, "stop": stop, "feed": feed}
