import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { usePython } from '../python/use-python.ts';
import { hostCommands } from '../../../src/core/sandbox/commands/index.ts';
import type { ShellState } from '../../../src/core/sandbox/commands/types.ts';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import type { Host } from '../../../src/core/sandbox/host/host.ts';
import { Vfs } from '../../../src/core/sandbox/host/vfs.ts';
import { Interpreter } from '../../../src/core/sandbox/shell/interpreter.ts';
import { Terminal, type NestedShell } from '../../../src/core/sandbox/shell/terminal.ts';
import { createSandbox } from '../../../src/core/sandbox/index.ts';
import { demoSandbox, screen } from './helpers.ts';

const PROMPT = 'learner@layerwise:~/demo$ ';

async function interactive() {
  const { sandbox, run } = demoSandbox();
  const s = screen((l) => sandbox.onOutput(l));
  /** types a line and waits for the prompt to come back */
  const type = async (line: string) => {
    s.clear();
    sandbox.write(`${line}\r`);
    await s.waitFor(`\r\n${PROMPT}`, 2000, 'at-end');
    return stripAnsi(s.text);
  };
  return { sandbox, run, s, type };
}

/** A terminal attached to a running `docker run` (no -d), and a second terminal on the same machine. */
async function attachedToContainer() {
  const t = await interactive();
  await t.run('docker build -q -t demo-image .');
  t.sandbox.write('docker run -p 8000:8000 --name web demo-image\r');
  await t.s.waitFor('Application startup complete.');
  const second = t.sandbox.openTerminal();
  return { ...t, second, s2: screen((l) => second.onOutput(l)) };
}

usePython();

describe('interactive terminal', () => {
  it('shows the prompt, echoes typing, runs on Enter', async () => {
    const { s, type } = await interactive();
    expect(stripAnsi(s.text)).toBe(PROMPT);
    expect(await type('pwd')).toContain('\r\n/home/learner/demo\r\n');
  });

  it.each([
    ['doc', 'docker '],
    ['docker hi', 'docker history '],
    ['docker bu', 'docker build'],
    ['cat app/m', 'cat app/main.py '],
    ['ls ap', 'ls app/'],
    ['cat requirements.txt Dock', 'cat requirements.txt Dockerfile '],
  ])('Tab completes %j', async (typed, completed) => {
    const { sandbox, s } = await interactive();
    sandbox.write(`${typed}\t`);
    expect(stripAnsi(s.text).split('\r').at(-1)).toBe(`${PROMPT}${completed}`);
  });

  it('completes image and container names for docker', async () => {
    const { sandbox, s, run } = await interactive();
    await run('docker build -q -t demo-image .', 'docker run -d --name web demo-image');
    sandbox.write('docker run de\t');
    expect(stripAnsi(s.text).split('\r').at(-1)).toBe(`${PROMPT}docker run demo-image `);
    sandbox.write('\x15docker stop w\t');
    expect(stripAnsi(s.text).split('\r').at(-1)).toBe(`${PROMPT}docker stop web `);
  });

  it('lists the candidates when several remain', async () => {
    const { sandbox, s } = await interactive();
    sandbox.write('docker image\t');
    expect(stripAnsi(s.text)).toContain('\r\nimage   images\r\n');
  });

  it('continues a here-document on "> " lines', async () => {
    const { sandbox, s, run } = await interactive();
    sandbox.write("cat > note.txt <<'EOF'\r");
    await s.waitFor('> ');
    sandbox.write('hello\rEOF\r');
    await s.waitFor(`\r\n${PROMPT.slice(0, 8)}`);
    expect(await run('cat note.txt')).toEqual({ output: 'hello\n', exitCode: 0 });
  });

  it('keys typed while a command runs are echoed; Ctrl+C drops them, as a terminal does', async () => {
    const { sandbox, s } = await attachedToContainer();
    s.clear();
    sandbox.write('pwd');
    expect(s.text).toBe('pwd');
    sandbox.write('\x7f\x7fwd');
    expect(s.text).toBe('pwd\b \b\b \bwd');
    sandbox.write('\x03');
    await s.waitFor(`Finished server process [1]\r\n${PROMPT}`);
    expect(stripAnsi(s.text).startsWith('pwd\b \b\b \bwd^C')).toBe(true);
    sandbox.write('echo after\r');
    await s.waitFor(`after\r\n${PROMPT}`);
    expect(stripAnsi(s.text)).not.toContain('/home/learner/demo\r\n');
  });

  it('a line typed while a command runs is echoed at once, then read by the next prompt', async () => {
    const { sandbox, s, second } = await attachedToContainer();
    s.clear();
    sandbox.write('echo queued\r');
    expect(s.text).toBe('echo queued\r\n');
    second.write('docker stop web\r');
    await s.waitFor(`${PROMPT}echo queued\r\nqueued\r\n${PROMPT}`);
  });

  it('a line typed while a command runs runs once it returns', async () => {
    const { sandbox, s, second } = await attachedToContainer();
    sandbox.write('echo queued\r');
    second.write('docker stop web\r');
    await s.waitFor(`queued\r\n${PROMPT}`);
  });

  it('Ctrl+C at the prompt abandons the line', async () => {
    const { sandbox, s } = await interactive();
    sandbox.write('docker ps\x03');
    expect(stripAnsi(s.text).endsWith(`docker ps^C\r\n${PROMPT}`)).toBe(true);
  });

  it('sleep infinity holds the terminal until Ctrl+C, and moves no clock', async () => {
    const { sandbox, s, run } = await interactive();
    await run('docker run -d --name box python:3.13-slim sleep 30');
    s.clear();
    sandbox.write('sleep infinity\r');
    await s.waitFor('sleep infinity\r\n');
    expect(stripAnsi(s.text).split('sleep infinity\r\n')[1]).not.toContain(PROMPT);
    sandbox.write('\x03');
    await s.waitFor(`^C\r\n${PROMPT}`);
    expect(await run('echo $?')).toEqual({ output: '130\n', exitCode: 0 });
    // Before, an endless sleep moved the machine's clock a year: this container had ended.
    expect((await run("docker ps --format '{{.Names}} {{.Status}}'")).output).toMatch(/^box Up /);
  });

  it('↑ recalls the previous command', async () => {
    const { sandbox, s, type } = await interactive();
    await type('echo one');
    s.clear();
    sandbox.write('\x1b[A');
    expect(stripAnsi(s.text)).toBe(`\r${PROMPT}echo one`);
  });

  it('a foreground container holds the terminal; a second terminal reaches it; Ctrl+C stops it', async () => {
    const { sandbox, s, run, second, s2 } = await attachedToContainer();
    second.write('curl -s localhost:8000\r');
    await s2.waitFor('"Welcome to root"');
    await s.waitFor('"GET / HTTP/1.1" 200 OK');
    sandbox.write('\x03');
    await s.waitFor(`Finished server process [1]\r\n${PROMPT}`);
    expect((await run('docker ps -a')).output).toMatch(/Exited \(0\) .* web\n/);
  });

  it('a foreground uvicorn on the host stops on Ctrl+C', async () => {
    const { sandbox, s, run } = await interactive();
    await run(
      'python -m venv .venv',
      'source .venv/bin/activate',
      'pip install -r requirements.txt',
    );
    expect(stripAnsi(sandbox.prompt())).toBe(`(.venv) ${PROMPT}`);
    sandbox.write('uvicorn app.main:app --reload\r');
    await s.waitFor('Application startup complete.');
    expect(stripAnsi(s.text)).toContain(
      "INFO:     Will watch for changes in these directories: ['/home/learner/demo']",
    );
    sandbox.fs.write(
      'app/main.py',
      'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/")\ndef r():\n    return "edited"\n',
    );
    await s.waitFor("WARNING:  StatReload detected changes in 'app/main.py'. Reloading...");
    expect((await run('curl -s localhost:8000')).output).toBe('"edited"');
    sandbox.write('\x03');
    await s.waitFor('INFO:     Stopping reloader process');
    expect((await run('curl -sS localhost:8000')).exitCode).toBe(7);
  });

  it('a second terminal has its own working directory', async () => {
    const { sandbox, s } = await interactive();
    sandbox.write('cd app\r');
    await s.waitFor('\r\nlearner@layerwise:~/demo/app$ ', 2000, 'at-end');
    const second = sandbox.openTerminal();
    const s2 = screen((l) => second.onOutput(l));
    second.write('pwd\r');
    await s2.waitFor('/home/learner/demo\r\n');
    expect(stripAnsi(sandbox.prompt())).toBe('learner@layerwise:~/demo/app$ ');
  });

  it('a second terminal closes when its shell exits; the first starts a new shell', async () => {
    const { sandbox, type } = await interactive();
    const second = sandbox.openTerminal();
    const s2 = screen((l) => second.onOutput(l));
    const codes: number[] = [];
    second.onExit((code) => codes.push(code));
    await s2.waitFor(PROMPT);
    s2.clear();
    second.write('exit 3\r');
    await expect.poll(() => codes).toEqual([3]);
    expect(stripAnsi(s2.text)).toMatch(/exit 3\r\nexit\r\n$/);
    s2.clear();
    second.write('pwd\r');
    expect(s2.text).toBe('');
    expect(await type('exit')).toContain('[the shell exited; a new one started in ~/demo]');
  });

  it('closing a second terminal hangs up the server running in it', async () => {
    const { sandbox, s, run } = await interactive();
    await run('docker build -q -t demo-image .');
    const second = sandbox.openTerminal();
    const s2 = screen((l) => second.onOutput(l));
    second.write('docker run -p 8000:8000 --name web demo-image\r');
    await s2.waitFor('Application startup complete.');
    second.dispose();
    await expect
      .poll(async () => (await run('docker ps -a')).output)
      .toMatch(/Exited \(0\) .* web\n/);
    expect(s.text).not.toContain('Application startup');
  });

  it('an attached `docker run` returns when the container is stopped from another terminal', async () => {
    const { s, second } = await attachedToContainer();
    second.write('docker stop web\r');
    await s.waitFor(`Finished server process [1]\r\n${PROMPT}`);
  });

  it('`edit` asks the UI to open the file', async () => {
    const { sandbox, type } = await interactive();
    const opened: string[] = [];
    sandbox.onOpenFile((p) => opened.push(p));
    await type('edit app/main.py');
    expect(opened).toEqual(['app/main.py']);
  });

  it('`edit` creates a missing file and its folders before the UI opens it', async () => {
    const { sandbox, s, type } = await interactive();
    const opened: (string | null)[] = [];
    sandbox.onOpenFile((p) => opened.push(sandbox.fs.read(p)));
    await type('edit notes/todo/first.txt');
    expect(opened).toEqual(['']);
    expect(sandbox.fs.list()).toContain('notes/todo/first.txt');
    await type('edit /etc/passwd-new');
    expect(s.text).toContain('edit: cannot create /etc/passwd-new: Permission denied');
  });

  it("startIn 'home': no project folder yet, so a lesson's `mkdir demo && cd demo` makes it", async () => {
    const sandbox = createSandbox({ files: {}, startIn: 'home' });
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor('learner@layerwise:~$ ');
    expect(sandbox.fs.list()).toEqual([]);
    sandbox.write('mkdir demo && cd demo && edit app/main.py\r');
    await s.waitFor('learner@layerwise:~/demo$ ');
    expect(sandbox.fs.list()).toEqual(['app/main.py']);
  });

  it('`clear` clears the screen', async () => {
    const { s, type } = await interactive();
    await type('clear');
    expect(s.text).toContain('\x1b[H\x1b[2J');
  });
});

describe('transcript', () => {
  it('records commands with plain output, exit codes, cwd, and file edits from the editor', async () => {
    const { sandbox, run } = demoSandbox();
    await run('ls --color app', 'cd app');
    sandbox.fs.write('app/main.py', 'print(1)\n');
    await sandbox.runLine('ls', { tty: true });
    expect(sandbox.transcript()).toEqual([
      {
        type: 'command',
        command: 'ls --color app',
        output: 'main.py\n',
        exitCode: 0,
        cwd: '/home/learner/demo',
      },
      { type: 'command', command: 'cd app', output: '', exitCode: 0, cwd: '/home/learner/demo' },
      { type: 'file', path: 'app/main.py', text: 'print(1)\n' },
      {
        type: 'command',
        command: 'ls',
        output: 'main.py\n',
        exitCode: 0,
        cwd: '/home/learner/demo/app',
      },
    ]);
  });

  it('fs.onChange reports workspace paths; reset starts a fresh machine', async () => {
    const { sandbox, run } = demoSandbox();
    const changed: string[] = [];
    sandbox.fs.onChange((p) => changed.push(p));
    await run('touch new.txt', 'docker build -q -t demo-image .');
    expect(changed).toEqual(['new.txt']);
    sandbox.reset({ 'a.txt': 'x' });
    expect(sandbox.fs.list()).toEqual(['a.txt']);
    expect((await sandbox.runLine('docker images -q demo-image')).output).toBe('');
    expect(sandbox.transcript()).toHaveLength(1);
  });
});

describe('a nested shell (the Job.enterShell hook for docker exec -it)', () => {
  /** A terminal whose `nest` command hands it to a second shell (as `docker exec -it` will). */
  function nesting() {
    const table = hostCommands();
    const state = (cwd: string, home = '/root'): ShellState => ({
      cwd,
      home,
      env: new Map(),
      venv: null,
      history: [],
      lastExit: 0,
    });
    const fs = new Vfs(manualClock());
    fs.mkdir('/home/learner/demo', { parents: true });
    const host = {} as Host;
    // `leave N` stands in for the `exit` builtin: it marks the shell as exited.
    table.commands.set('leave', (ctx) => {
      Object.assign(ctx.shell, { exited: Number(ctx.args[0] ?? 0) });
      return Number(ctx.args[0] ?? 0);
    });
    table.commands.set('nest', async (ctx) => {
      const inner = new Interpreter(table, state('/demo'), fs, host);
      const enter = (ctx.job as { enterShell?: (n: NestedShell) => Promise<number> }).enterShell!;
      const code = await enter({ interpreter: inner, prompt: () => 'root@c0ffee:/demo# ' });
      ctx.io.out(`back with ${code}\n`);
      return code;
    });
    let text = '';
    const records: string[] = [];
    const terminal = new Terminal({
      interpreter: new Interpreter(table, state('/home/learner/demo', '/home/learner'), fs, host),
      emit: (t) => (text += t),
      record: (command, _output, code) => records.push(`${command} → ${code}`),
      cols: () => 80,
    });
    terminal.start();
    const until = async (needle: string) => {
      for (let i = 0; i < 1000 && !stripAnsi(text).endsWith(needle); i++)
        await new Promise((r) => setTimeout(r, 0));
      expect(stripAnsi(text).endsWith(needle), JSON.stringify(stripAnsi(text).slice(-200))).toBe(
        true,
      );
    };
    return { terminal, records, until, text: () => stripAnsi(text) };
  }

  it('takes the terminal with its prompt, runs its commands, and gives it back when it exits', async () => {
    const t = nesting();
    t.terminal.write('nest\r');
    await t.until('root@c0ffee:/demo# ');
    t.terminal.write('pwd\r');
    await t.until('/demo\r\nroot@c0ffee:/demo# ');
    t.terminal.write('leave 3\r');
    await t.until(`back with 3\r\n${PROMPT}`);
    expect(t.records).toEqual(['pwd → 0', 'leave 3 → 3', 'nest → 3']);
  });

  it('Ctrl+C gives a new nested prompt; Ctrl+D on an empty line leaves it', async () => {
    const t = nesting();
    t.terminal.write('nest\r');
    await t.until('root@c0ffee:/demo# ');
    t.terminal.write('half\x03');
    await t.until('half^C\r\nroot@c0ffee:/demo# ');
    t.terminal.write('\x04');
    await t.until(`back with 0\r\n${PROMPT}`);
  });
});
