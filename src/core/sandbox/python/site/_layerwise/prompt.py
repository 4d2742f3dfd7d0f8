"""Python's interactive prompt in a simulated process: CPython's own console for it (_pyrepl's,
which `python` runs on a terminal since 3.13), fed by the terminal one input at a time. The
terminal edits the lines; this side says whether an input needs more lines and runs it as the
REPL would: one `<python-input-N>` per input, results echoed, tracebacks in colour on a tty."""
import sys
import traceback

from _pyrepl.console import InteractiveColoredConsole
from _pyrepl.simple_interact import REPL_COMMANDS, _more_lines, _strip_final_indent

# imported by the package once it is loaded (it imports this module on a prompt's first use)
from . import learners_frames


class KeyboardRead(Exception):
    """The code read the keyboard (input(), help()): at the prompt it belongs to the terminal's
    line editor, so the input says so in one line instead."""


class NoInput:
    """stdin at the prompt. Not a tty: help(NAME) prints its page instead of starting a pager."""

    def readline(self, *args):
        raise KeyboardRead

    read = readline

    def isatty(self):
        return False


class Console(InteractiveColoredConsole):
    def __init__(self, process, not_simulated):
        main = type(sys)("__main__")
        main.__builtins__ = __builtins__
        super().__init__(main.__dict__, filename="<stdin>")
        self.can_colorize = process.tty
        self.inputs = 0
        self.gap = None
        self.keyboard = False
        self._not_simulated = lambda exc: not_simulated(exc, process)

    def _excepthook(self, typ, value, tb):
        te = traceback.TracebackException(typ, value, tb, limit=traceback.BUILTIN_EXCEPTION_LIMIT)
        self.write("".join(learners_frames(te).format(colorize=self.can_colorize)))

    def showtraceback(self):
        # Code the browser cannot run says so in one line, as a script does, not with a traceback.
        if isinstance(sys.exception(), KeyboardRead):
            self.keyboard = True
            return
        self.gap = self._not_simulated(sys.exception())
        if self.gap is None:
            super().showtraceback()


def feed(process, source):
    """One input from the terminal: {"more": True} while it needs more lines; else what running it
    printed, and its exit code once it ended the interpreter (exit(), `exit`, sys.exit())."""
    console = process.prompt
    with process.active():
        # Pyodide replaces sys.excepthook; with CPython's own, the console colours tracebacks.
        saved, sys.stdin = (sys.stdin, sys.excepthook), NoInput()
        sys.excepthook = sys.__excepthook__
        try:
            if _more_lines(console, source):
                return {"more": True}
            statement = source.strip()
            command = REPL_COMMANDS.get(statement) if statement not in console.locals else None
            if statement == "clear" and command is not None:
                return {"more": False, "clear": True, "output": process.take_output()}
            console.gap, console.keyboard = None, False
            # 3.13's `help` alone starts the interactive help, which reads the keyboard.
            if statement == "help" and command is not None:
                return {"more": False, "output": [], "keyboard": True}
            if callable(command):
                command()
            else:
                with process.time_limited(lambda path: path.startswith("<python-input")):
                    console.push(_strip_final_indent(source),
                                 filename=f"<python-input-{console.inputs}>", _symbol="single")
                console.inputs += 1
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            if exc.code is not None and not isinstance(exc.code, int):
                print(exc.code, file=sys.stderr)
            process.stdout.flush()
            return {"more": False, "exitCode": code, "output": process.take_output()}
        finally:
            sys.stdin, sys.excepthook = saved
        process.stdout.flush()
        out = {"more": False, "output": process.take_output()}
        if console.keyboard:
            # what it printed before it asked (a prompt, help's introduction) is not shown
            out = {"more": False, "output": [], "keyboard": True}
        if console.gap is not None:
            out["notSimulated"] = console.gap
        if process.overran:
            out["overran"] = True
        return out
