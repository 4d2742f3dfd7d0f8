/**
 * Python's interactive prompt, against what the lab's terminal received from CPython's REPL
 * (tests/fixtures/sandbox/real/engine-28/python-prompt-*.tty, script(1)'s bytes; VERSIONS.txt
 * says which keys were typed). Both sides are read through a real terminal model (xterm-screen.ts),
 * so the comparison is the screen a learner sees, colours included where asked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { dedentWidth, indentAfter } from '../../../src/core/sandbox/commands/python-prompt.ts';
import { PythonProcesses } from '../../../src/core/sandbox/python/python-host.ts';
import { LOAD_TIMEOUT, usePython } from '../python/use-python.ts';
import { demoSandbox, screen } from './helpers.ts';
import { PROMPT, Screen } from './xterm-screen.ts';

const runtime = usePython();

const MAIN = [
  '1+1\r',
  'x = 5\r',
  'x * 2\r',
  'print("hi")\r',
  'def f(n):\r',
  'return n + 1\r',
  '\r',
  'f(2)\r',
  '1/0\r',
  '1 +\r',
  'undefined_name\r',
  'import os\r',
  'os.getcwd()\r',
  '\x03',
  'exit\r',
];
const BLOCKS = [
  'if 2 > 1:\r',
  'print("yes")\r',
  '\x7felse:\r',
  'print("no")\r',
  '\r',
  'for i in range(3):\r',
  'print(i * i)\r',
  '\r',
  'import numpy\r',
  'exit(3)\r',
];

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/sandbox/real/engine-28/${name}`, import.meta.url), 'latin1');

/** The rows a terminal shows after `bytes`, trailing blank rows dropped. */
async function rowsOf(bytes: string): Promise<string[]> {
  const term = new Screen(80, 100);
  term.write(bytes);
  await term.settled();
  const rows = term.rows();
  while (rows.length && rows.at(-1) === '') rows.pop();
  return rows;
}

/** What the lab's terminal showed: its last row is the `[exit N]` that followed the command. */
async function recorded(name: string): Promise<{ rows: string[]; exit: number }> {
  const rows = await rowsOf(fixture(name));
  const last = rows.pop() ?? '';
  const exit = /\[exit (\d+)\]$/.exec(last)!;
  // `>>> [exit 0]`: the CLI ended where the cursor was (after a detach), on the prompt's row
  if (last.length > exit[0].length) rows.push(last.slice(0, exit.index));
  return { rows, exit: Number(exit[1]) };
}

/** Types each key string at the sandbox's terminal as the lab's keys.sh did, each once the last was answered. */
async function typed(command: string, keys: readonly string[]) {
  const { sandbox } = demoSandbox();
  const s = screen((l) => sandbox.onOutput(l));
  await s.waitFor(PROMPT, 5000, 'at-end');
  s.clear();
  const answered = (from: number) =>
    /(>>> |\.\.\. [ \t]*|\$ )$/.test(stripAnsi(s.text.slice(from)));
  sandbox.write(`${command}\r`);
  await expect.poll(() => answered(0), { timeout: LOAD_TIMEOUT }).toBe(true);
  for (const key of keys) {
    const from = s.text.length;
    sandbox.write(key);
    await expect.poll(() => answered(from)).toBe(true);
  }
  return { sandbox, s };
}

async function exitStatus(sandbox: ReturnType<typeof demoSandbox>['sandbox']) {
  return (await sandbox.runLine('echo $?', { tty: false })).output.trim();
}

describe("Python's prompt, as the lab's CPython REPL drew it", () => {
  for (const [image, name] of [
    ['python:3.13-slim', 'python-prompt-3.13.tty'],
    ['python:3.14-slim', 'python-prompt-3.14.tty'],
  ] as const) {
    it(`docker run -it --rm ${image}: banner, results, tracebacks, a block, Ctrl+C, exit`, async () => {
      const lab = await recorded(name);
      const { sandbox, s } = await typed(`docker run -it --rm ${image}`, MAIN);
      const rows = await rowsOf(s.text);
      expect(rows.slice(1, -1)).toEqual(lab.rows);
      expect(rows.at(-1)).toBe(PROMPT);
      expect(await exitStatus(sandbox)).toBe(String(lab.exit));
      // --rm: the container is gone once the prompt ended.
      expect((await sandbox.runLine('docker ps -aq', { tty: false })).output).toBe('');
    });
  }

  it('colours its prompt and tracebacks as the lab terminal received them', async () => {
    const lab = fixture('python-prompt-3.13.tty');
    const { s } = await typed('docker run -it --rm python:3.13-slim', ['1/0\r', 'exit\r']);
    const traceback = (text: string) =>
      /Traceback[^\n]*\r\n(?:.*\r\n){3}\x1b\[1;35mZeroDivisionError.*\r\n/.exec(text)?.[0];
    expect(traceback(s.text)!.replace('input-0', 'input-6')).toBe(traceback(lab));
    expect(s.text).toContain('\x1b[1;35m>>> \x1b[0m');
  });

  it('a new line after `:` is indented, Backspace dedents a level, an empty line ends the block; exit(3)', async () => {
    const lab = await recorded('python-prompt-blocks.tty');
    const { sandbox, s } = await typed('docker run -it --rm python:3.13-slim', BLOCKS);
    expect((await rowsOf(s.text)).slice(1, -1)).toEqual(lab.rows);
    expect(await exitStatus(sandbox)).toBe('3');
  });

  it('Ctrl+D at an empty prompt leaves with 0', async () => {
    const lab = await recorded('python-prompt-ctrl-d.tty');
    const { sandbox, s } = await typed('docker run -it --rm python:3.13-slim', ['\x04']);
    expect((await rowsOf(s.text)).slice(1, -1)).toEqual(lab.rows);
    expect(await exitStatus(sandbox)).toBe(String(lab.exit));
  });

  it("exit(3) ends the container with 3: its status and the CLI's", async () => {
    const lab = await recorded('python-prompt-exit-3.tty');
    const { sandbox, s } = await typed('docker run -it --name py python:3.13-slim', ['exit(3)\r']);
    expect((await rowsOf(s.text)).slice(1, -1)).toEqual(lab.rows);
    expect(await exitStatus(sandbox)).toBe('3');
    const status = await sandbox.runLine("docker ps -a --format '{{.Status}}'", { tty: false });
    expect(status.output).toMatch(/^Exited \(3\) /);
  });

  it('Ctrl+P Ctrl+Q detaches with 0 and the container runs on; docker attach finds its names again', async () => {
    const lab = await recorded('python-prompt-detach.tty');
    const { sandbox, s } = await typed('docker run -it --name py python:3.13-slim', [
      'x = 41\r',
      '\x10\x11',
    ]);
    // The lab's CLI ended on the prompt's row (`>>> [exit 0]`); the sandbox's prompt starts a row below.
    expect((await rowsOf(s.text)).slice(1, -1)).toEqual(lab.rows);
    expect(await exitStatus(sandbox)).toBe(String(lab.exit));
    const state = "docker inspect --format '{{.State.Status}} {{.State.ExitCode}}' py";
    expect((await sandbox.runLine(state, { tty: false })).output).toBe('running 0\n');

    s.clear();
    sandbox.write('docker attach py\r');
    sandbox.write('x + 1\r');
    await s.waitFor('42\r\n');
    sandbox.write('exit\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect((await sandbox.runLine(state, { tty: false })).output).toBe('exited 0\n');
    // With -t, what the terminal showed is the container's log: the banner and the first line.
    const logs = stripAnsi((await sandbox.runLine('docker logs py', { tty: false })).output);
    expect(logs).toContain('Python 3.13.5 (main, Aug 10 2026, 12:06:59) [GCC 14.2.0] on linux\n');
    expect(logs).toContain('>>> x = 41');
  });
});

describe("Python's prompt on the learner's machine and in docker exec", () => {
  it('python3 with nothing to run prompts in the project; its names live until exit', async () => {
    const { sandbox, s } = await typed('python3', [
      'import os\r',
      'os.getcwd()\r',
      'name = "demo"\r',
      'name.upper()\r',
      'exit\r',
    ]);
    const rows = await rowsOf(s.text);
    expect(rows.slice(1, 3)).toEqual([
      'Python 3.13.5 (main, Aug 10 2026, 12:06:59) [GCC 14.2.0] on linux',
      'Type "help", "copyright", "credits" or "license" for more information.',
    ]);
    expect(rows).toContain("'/home/learner/demo'");
    expect(rows).toContain("'DEMO'");
    expect(await exitStatus(sandbox)).toBe('0');
    // Piped, it still runs what it is given.
    expect((await sandbox.runLine("echo 'print(6 * 7)' | python3", { tty: false })).output).toBe(
      '42\n',
    );
  });

  it('input() and help() say in one line that the keyboard is not simulated; the prompt goes on', async () => {
    const { s } = await typed('python3', ['x = input("name? ")\r', 'help\r', 'exit\r']);
    const text = stripAnsi(s.text);
    expect(text.match(/reading the keyboard at Python's prompt/g)).toHaveLength(2);
    // nothing of what input() printed before it read: the line typed is all that shows it
    expect(text.split('\r\n').filter((line) => line.startsWith('name? '))).toEqual([]);
    expect(text).not.toContain('Traceback');
  });

  it('docker exec -it CONTAINER python3 prompts inside the running container', async () => {
    const { sandbox } = demoSandbox();
    await sandbox.runLine('docker run -d --name box python:3.14-slim sleep 600', { tty: false });
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('docker exec -it box python3\r');
    await s.waitFor('>>> ', LOAD_TIMEOUT, 'at-end');
    expect(stripAnsi(s.text)).toContain('Python 3.14.8 (main, Oct  1 2026, 19:55:55)');
    sandbox.write('import os; os.getcwd()\r');
    await s.waitFor("'/'\r\n");
    sandbox.write('\x04');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(await exitStatus(sandbox)).toBe('0');
    expect((await sandbox.runLine("docker ps --format '{{.Names}}'", { tty: false })).output).toBe(
      'box\n',
    );
  });
});

describe("an input that runs on: the browser's Python cannot take Ctrl+C", () => {
  it("is stopped past its time limit with KeyboardInterrupt, the sandbox's frames left out; the prompt goes on", async () => {
    const python = new PythonProcesses(runtime, () => {});
    const { pid, result } = await python.start({
      files: {},
      roots: ['/'],
      env: {},
      packages: [],
      argv: [''],
      tty: false,
      sitePackages: '/usr/lib/python3/dist-packages',
      mode: 'prompt',
      target: '<stdin>',
      timeLimit: 0.2,
    });
    expect(result.state).toBe('prompt');
    expect(python.feed(pid, 'while True: pass')).toEqual({ more: true });
    const stopped = python.feed(pid, 'while True: pass\n');
    expect(stopped).toMatchObject({ more: false, overran: true });
    const text = 'output' in stopped ? stopped.output.map(([, t]) => t).join('') : '';
    expect(text).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "<python-input-0>", line 1, in <module>\n/,
    );
    expect(text).toMatch(/\nKeyboardInterrupt\n$/);
    expect(text).not.toContain('_layerwise');
    expect(python.feed(pid, '6 * 7')).toEqual({ more: false, output: [['stdout', '42\n']] });
    python.stop(pid, false);
  });

  it('a script (python -c, a file) is stopped the same way, with 130 as Ctrl+C gives', async () => {
    const python = new PythonProcesses(runtime, () => {});
    const { result } = await python.start({
      files: {},
      roots: ['/'],
      env: {},
      packages: [],
      argv: ['-c'],
      tty: false,
      sitePackages: '/usr/lib/python3/dist-packages',
      mode: 'script',
      target: '<string>',
      source: 'n = 0\nwhile True:\n    n += 1\n',
      timeLimit: 0.2,
    });
    expect(result).toMatchObject({ state: 'exited', exitCode: 130, overran: true });
    const error = result.state === 'exited' ? result.error : undefined;
    expect(error?.kind).toBe('traceback');
    const text = error?.kind === 'traceback' ? error.text : '';
    expect(text).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "<string>", line \d, in <module>\n/,
    );
    expect(text).toMatch(/\nKeyboardInterrupt\n$/);
    expect(text).not.toContain('_layerwise');
  });
});

describe("the REPL's indentation (_pyrepl's maybe_accept and backspace-dedent)", () => {
  it('indents after a colon, keeps the indentation otherwise, ignores a comment', () => {
    expect(indentAfter('def f(n):')).toBe('    ');
    expect(indentAfter('if x:\n    y = 1')).toBe('    ');
    expect(indentAfter('if x:\n    for i in y:  # each')).toBe('        ');
    expect(indentAfter('x = (1,')).toBe('');
  });

  it('Backspace in the indentation goes back to the nearest line indented less', () => {
    expect(dedentWidth(['if x:', '    y = 1'], '    ')).toBe(4);
    expect(dedentWidth(['if x:', '    for i in y:', '        z = i'], '        ')).toBe(4);
    expect(dedentWidth(['if x:', '    y = 1'], '  ')).toBe(2);
    expect(dedentWidth(['if x:'], '    y')).toBe(1);
    expect(dedentWidth([], '    ')).toBe(1);
  });
});
