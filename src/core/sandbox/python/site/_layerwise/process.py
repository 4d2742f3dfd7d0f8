"""One simulated Python process: its environment, stdout/stderr (block-buffered unless
PYTHONUNBUFFERED, as CPython does when the output is not a terminal), its modules, and switching
the interpreter's global state to it while its code runs."""
import contextlib
import os
import sys
import time

from .imports import finder

BUFFER = 8192


class Stream:
    def __init__(self, process, name, buffered):
        self.process = process
        self.name = name
        self.buffered = buffered
        self.pending = ""
        self.encoding = "utf-8"
        self.errors = "strict"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.pending += text
        if not self.buffered:
            self.flush()
        elif len(self.pending.encode()) >= BUFFER:
            self.flush()
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.pending:
            self.process.output.append([self.name, self.pending])
            self.pending = ""

    def isatty(self):
        return self.process.tty

    def writable(self):
        return True

    def fileno(self):
        return 1 if self.name == "stdout" else 2


class Process:
    def __init__(self, config):
        self.files = config["files"]
        # `python -c`'s code, which CPython 3.13+ quotes in tracebacks as it does a file's lines
        self.inline = config.get("source") if config.get("target") == "<string>" else None
        self.roots = config["roots"]
        self.env = config["env"]
        self.packages = set(config["packages"])
        self.argv = config.get("argv", [""])
        self.executable = config.get("executable", sys.executable)
        self.tty = bool(config.get("tty"))
        self.site_packages = config.get("sitePackages", "/usr/lib/python3/dist-packages")
        self.fastapi = tuple(int(n) for n in config.get("fastapi", "0.143.3").split("."))
        unbuffered = self.tty or bool(self.env.get("PYTHONUNBUFFERED"))
        self.output = []
        self.stdout = Stream(self, "stdout", not unbuffered)
        # stderr is line-buffered or unbuffered in CPython: each write reaches the log at once.
        self.stderr = Stream(self, "stderr", False)
        self.modules = {}
        self.loaded = set()
        self.app = None
        # the interactive prompt's console (mode "prompt", prompt.py)
        self.prompt = None
        # the working directory os.getcwd() answers (created, empty, in the browser's file system)
        self.cwd = config.get("cwd")
        # how long the learner's code may run at once (time_limited)
        self.time_limit = config.get("timeLimit", 10)
        self.overran = False

    @contextlib.contextmanager
    def time_limited(self, learners):
        """Runs the learner's code (the frames of the files `learners` names: imports of packages
        run untraced, at full speed) for at most `time_limit` seconds: every 1000 of its lines it
        looks at the clock, and past the limit raises KeyboardInterrupt. The browser's Python runs
        on the page's own thread, where Ctrl+C cannot reach it: an endless loop is stopped here as
        Ctrl+C would stop it, instead of freezing the page."""
        deadline = time.monotonic() + self.time_limit
        lines = 0
        self.overran = False

        def local(frame, event, arg):
            nonlocal lines
            lines += 1
            if lines % 1000 == 0 and time.monotonic() > deadline:
                self.overran = True
                raise KeyboardInterrupt
            return local

        sys.settrace(lambda frame, event, arg: local if learners(frame.f_code.co_filename) else None)
        try:
            yield
        finally:
            sys.settrace(None)

    def take_output(self):
        out, self.output = self.output, []
        return out

    @contextlib.contextmanager
    def active(self):
        saved_env = dict(os.environ)
        saved = sys.stdout, sys.stderr, sys.argv, sys.executable
        sys.modules.update(self.modules)
        os.environ.clear()
        os.environ.update(self.env)
        sys.stdout, sys.stderr, sys.argv = self.stdout, self.stderr, list(self.argv)
        sys.executable = self.executable
        saved_cwd = os.getcwd()
        if self.cwd:
            with contextlib.suppress(OSError):
                os.makedirs(self.cwd, exist_ok=True)
                os.chdir(self.cwd)
        finder.process = self
        try:
            yield self
        finally:
            finder.process = None
            os.chdir(saved_cwd)
            for name in self.loaded:
                module = sys.modules.pop(name, None)
                if module is not None:
                    self.modules[name] = module
            sys.stdout, sys.stderr, sys.argv, sys.executable = saved
            os.environ.clear()
            os.environ.update(saved_env)
