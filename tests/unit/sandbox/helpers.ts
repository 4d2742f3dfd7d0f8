/** A sandbox on the course workspace (read from disk) for tests, with a manual clock. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { createSandbox, type SandboxOptions } from '../../../src/core/sandbox/index.ts';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { workspaceFiles } from '../../scenarios/load.ts';
import { nodePythonRuntime } from '../../../src/node/python/pyodide-runtime.ts';

export function demoSandbox(files: SandboxOptions['files'] = workspaceFiles()) {
  const clock = manualClock();
  const sandbox = createSandbox({
    files,
    clock,
    cols: 100,
    python: nodePythonRuntime(),
    yaml: () => import('yaml').then((m) => m.parseDocument),
    // A turn of the event loop, not the time asked: a `sleep 5` here moves the manual clock only.
    wait: () => new Promise((turn) => setTimeout(turn, 0)),
  });
  /** runs lines in order as a script; returns the last result */
  const run = async (...lines: string[]) => {
    let last = { output: '', exitCode: 0 };
    for (const line of lines) last = await sandbox.runLine(line, { tty: false });
    return last;
  };
  return { sandbox, clock, run };
}

/** Keeps what an interactive terminal emitted, with a way to wait for text to appear. */
export function screen(onOutput: (listener: (text: string) => void) => () => void) {
  let text = '';
  onOutput((t) => (text += t));
  return {
    get text() {
      return text;
    },
    clear() {
      text = '';
    },
    /** resolves once `needle` has been printed (colours ignored); fails after a deadline instead of sleeping */
    async waitFor(
      needle: string,
      deadlineMs = 2000,
      where: 'anywhere' | 'at-end' = 'anywhere',
    ): Promise<void> {
      const start = Date.now();
      const found = () =>
        where === 'at-end' ? stripAnsi(text).endsWith(needle) : stripAnsi(text).includes(needle);
      while (!found()) {
        if (Date.now() - start > deadlineMs)
          throw new Error(
            `timed out waiting for ${JSON.stringify(needle)}; screen: ${JSON.stringify(text.slice(-400))}`,
          );
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

/** A `curl` of the app from a second terminal, and its access-log line seen on `s` (a follower's screen). */
export async function curlSeenOn(
  sandbox: ReturnType<typeof demoSandbox>['sandbox'],
  s: ReturnType<typeof screen>,
): Promise<void> {
  const other = sandbox.openTerminal();
  other.onOutput(() => {});
  other.write('curl -s localhost:8000/\r');
  await s.waitFor('"GET / HTTP/1.1" 200 OK', 5000);
}

/** A block of a lab recording: `$ command`, what it printed, `[exit N]` after a nonzero status. */
export interface RecordedBlock {
  command: string;
  output: string;
  exit: number;
}

/** The blocks of tests/fixtures/sandbox/real/engine-28/NAME (`(tty)` after a command is dropped). */
export function recordedBlocks(name: string): RecordedBlock[] {
  const text = readFileSync(
    new URL(`../../fixtures/sandbox/real/engine-28/${name}`, import.meta.url),
    'utf8',
  );
  return (
    text
      // output without a final newline runs into the next prompt: `"Welcome to root"$ docker …`
      .split(/(?:^|(?<=[a-z"]))\$ (?=(?:docker|curl|for|timeout) )/m)
      .slice(1)
      .map((chunk) => {
        const [command = '', ...rest] = chunk.split('\n');
        let output = rest.join('\n');
        const exit = /\[exit (\d+)\]\n?$/.exec(output);
        if (exit) output = output.slice(0, exit.index);
        return {
          command: command.replace(/ \(tty\)$/, ''),
          output,
          exit: exit ? Number(exit[1]) : 0,
        };
      })
  );
}

/**
 * Runs each command of a lab recording in the sandbox, in order, and expects its output and status
 * as recorded, both read through `normalise` (IDs, times: what differs from run to run). Commands
 * `skip` matches are left out: what the sandbox answers its own way, on purpose.
 */
export async function expectReplay(
  sandbox: ReturnType<typeof demoSandbox>['sandbox'],
  fixture: string,
  normalise: (text: string) => string,
  skip?: RegExp,
): Promise<void> {
  for (const block of recordedBlocks(fixture)) {
    if (skip?.test(block.command)) continue;
    const got = await sandbox.runLine(block.command, { tty: false });
    expect({
      command: block.command,
      output: normalise(got.output),
      exit: got.exitCode,
    }).toEqual({ command: block.command, output: normalise(block.output), exit: block.exit });
  }
}

/** Runs `command` in a second terminal of the same machine; resolves with what it printed once `until` shows (5 s at most). */
export async function inOtherTerminal(
  sandbox: ReturnType<typeof demoSandbox>['sandbox'],
  command: string,
  until: string,
): Promise<string> {
  const other = sandbox.openTerminal();
  let text = '';
  other.onOutput((t) => (text += t));
  other.write(`${command}\r`);
  const deadline = Date.now() + 5000;
  while (!stripAnsi(text).includes(until) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 0));
  return stripAnsi(text);
}
