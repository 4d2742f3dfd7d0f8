/**
 * Python's interactive prompt at the terminal: `python` with nothing to run on the learner's
 * machine, `docker run -it python:3.13-slim`, `docker exec -it web python`. CPython 3.13+ runs its
 * own REPL (_pyrepl) on a terminal; recorded on the lab through script(1)
 * (tests/fixtures/sandbox/real/engine-28/python-prompt-*.txt): the banner, a bold magenta `>>> `
 * and `... `, results echoed, each input its own `<python-input-N>` in tracebacks, a new line
 * after `:` indented four more, an empty line ending a block, `exit` alone leaving, Ctrl+C
 * printing KeyboardInterrupt, Ctrl+D leaving with 0.
 */
import type { CommandContext } from './types.ts';
import type { EnterShell } from './terminal-entry.ts';
import type { LineProgram, NestedShell } from '../shell/terminal.ts';
import { hostLayout, type PythonLayout } from '../python/layout.ts';
import type { Output, PythonProcesses } from '../python/python-host.ts';
import { resolvePath } from '../../text/index.ts';
import { notSimulatedLine } from '../not-simulated.ts';
import { gapFor } from '../app/import-errors.ts';
import { pythonFiles } from '../app/server.ts';
import { PYTHON_GAP } from '../python/gaps.ts';
import { scriptTraceback } from '../app/uvicorn-traceback.ts';

/** CPython's first lines on a terminal, as each of the lab's Pythons prints them (Debian's builds). */
const BANNERS: Record<string, string> = {
  '3.13': 'Python 3.13.5 (main, Aug 10 2026, 12:06:59) [GCC 14.2.0] on linux',
  '3.14': 'Python 3.14.8 (main, Oct  1 2026, 19:55:55) [GCC 16.2.0] on linux',
};
const HELP_LINE = 'Type "help", "copyright", "credits" or "license" for more information.\n';
const PS1 = '\x1b[1;35m>>> \x1b[0m';
const PS2 = '\x1b[1;35m... \x1b[0m';

/** What a prompt runs in: the files, directory, environment and packages of the machine or the container. */
export interface PromptPlace {
  fs: CommandContext['fs'];
  cwd: string;
  env: Record<string, string>;
  /** `3.13` or `3.14`: which banner */
  version: string;
  packages: ReadonlySet<string>;
  layout: PythonLayout;
  executable: string;
}

/** A prompt's Python process, kept while it runs (a detached container's is found again). */
export interface PromptSession {
  program: LineProgram;
  pid: number;
}

/**
 * Starts Python's prompt: its banner, then a session the terminal feeds. Null when Python cannot
 * load in the browser (said in one line).
 */
export async function startPrompt(
  ctx: Pick<CommandContext, 'host' | 'io'>,
  place: PromptPlace,
): Promise<PromptSession | null> {
  const python = ctx.host.runtime;
  const { pid, result } = await python.start({
    files: pythonFiles(place.fs, [place.cwd]),
    roots: [place.cwd],
    cwd: place.cwd,
    env: place.env,
    packages: [...place.packages],
    argv: [''],
    executable: place.executable,
    tty: true,
    sitePackages: place.layout.sitePackages,
    mode: 'prompt',
    target: '<stdin>',
  });
  if (result.state !== 'prompt') {
    const message =
      result.state === 'exited' && result.error?.kind === 'no-python' ? result.error.message : '';
    ctx.io.err(`${notSimulatedLine(PYTHON_GAP.noPython, message)}\n`);
    return null;
  }
  ctx.io.out(`${BANNERS[place.version] ?? BANNERS['3.13']}\n${HELP_LINE}`);
  return { pid, program: promptProgram(python, pid, place.layout) };
}

function promptProgram(python: PythonProcesses, pid: number, layout: PythonLayout): LineProgram {
  return {
    history: [],
    ps2: PS2,
    interrupted: 'KeyboardInterrupt\n',
    backspace: dedentWidth,
    async submit(text, out) {
      const answer = python.feed(pid, text);
      if (answer.more) return { more: indentAfter(text) };
      show(answer.output, out, layout);
      if (answer.overran) out(`${notSimulatedLine(PYTHON_GAP.longRun)}\n`);
      if (answer.keyboard) out(`${notSimulatedLine(PYTHON_GAP.keyboard)}\n`);
      else if (answer.notSimulated)
        out(`${notSimulatedLine(gapFor(answer.notSimulated), answer.notSimulated)}\n`);
      return { exited: answer.exitCode ?? null, ...(answer.clear ? { clear: true } : {}) };
    },
  };
}

function show(output: Output, out: (text: string) => void, layout: PythonLayout): void {
  for (const [, text] of output) out(scriptTraceback(text, layout));
}

/**
 * What the REPL starts the next line of a block with (_pyrepl's maybe_accept): the indentation
 * of the line before, four spaces more after a line that ends with `:` (a comment aside).
 */
export function indentAfter(text: string): string {
  const last = text.slice(text.lastIndexOf('\n') + 1);
  const indent = /^[ \t]*/.exec(last)![0];
  const code = last.replace(/#.*$/, '').trimEnd();
  return code.endsWith(':') ? `${indent}    ` : indent;
}

/**
 * Backspace in a line's indentation (_pyrepl's backspace-dedent): back to the indentation of the
 * nearest line above that is indented less, so `else:` lines up with its `if`; else one character.
 */
export function dedentWidth(lines: readonly string[], before: string): number {
  if (!/^[ \t]+$/.test(before)) return 1;
  for (const line of [...lines].reverse()) {
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent < before.length) return before.length - indent;
  }
  return 1;
}

/**
 * The prompt at the terminal until it ends: its exit code, or 'detached' (Ctrl+P Ctrl+Q out of a
 * container's own prompt). The process ends with the prompt unless it was detached.
 */
export async function runPrompt(
  ctx: Pick<CommandContext, 'host'>,
  session: PromptSession,
  enter: EnterShell,
  options: Omit<NestedShell, 'prompt' | 'program' | 'interpreter'> = {},
): Promise<number | 'detached'> {
  const code = await enter({ ...options, program: session.program, prompt: () => PS1 });
  if (code !== 'detached') ctx.host.runtime.stop(session.pid, true);
  return code;
}

/**
 * The interpreter's path as CPython reports it (`sys.executable`): the path it was typed with,
 * else where PATH found it: an image's /usr/local/bin, the machine's or the active venv's bin.
 */
export function executableFor(ctx: CommandContext, inImage: boolean): string {
  if (ctx.name.includes('/')) return resolvePath(ctx.shell.cwd, ctx.name, ctx.shell.home);
  return `${inImage ? '/usr/local/bin' : hostLayout(ctx.shell.venv).bin}/${ctx.name}`;
}
