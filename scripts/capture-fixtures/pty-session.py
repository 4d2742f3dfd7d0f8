"""
Runs an interactive shell in a real pseudo-terminal and types commands into it one at a time,
each after the shell printed its prompt, as a learner does: the bytes the terminal got (prompts,
echoed commands, output, a prompt glued to output that had no final newline) go to stdout.
There is no pty module in Node without a native addon, hence Python (the standard library only).
  python3 pty-session.py COLS PROMPT_END SHELL [ARGS...] < commands (one per line)
PROMPT_END: the text a prompt ends with, e.g. '$ ' (the session waits for it before each command).
"""
import os, pty, re, select, sys, time, struct, fcntl, termios

cols, prompt_end, argv = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
commands = [c for c in sys.stdin.read().split('\n') if c]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, cols, 0, 0))
out = bytearray()
ANSI = re.compile(rb'\x1b(?:\[[0-9;?]*[A-Za-z]|[=>])')


def read_until_prompt(deadline_s=120):
    end = time.time() + deadline_s
    start = len(out)
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            out.extend(chunk)
        # zsh and bash end a prompt with mode switches (bracketed paste, keypad): not text.
        elif ANSI.sub(b'', bytes(out[start:])).rstrip(b' ').endswith(prompt_end.rstrip(b' ')):
            return True
    raise SystemExit(f'timed out waiting for the prompt after {len(out)} bytes')


read_until_prompt()
for c in commands:
    os.write(fd, c.encode() + b'\r')
    read_until_prompt()
os.write(fd, b'exit\r')
try:
    while True:
        r, _, _ = select.select([fd], [], [], 1)
        if not r:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        out.extend(chunk)
except OSError:
    pass
sys.stdout.buffer.write(bytes(out))
