/**
 * What a container's command turns into: a Uvicorn server, a server that refuses its arguments
 * (click's usage error, exit 2), a script for `/bin/sh` (dash), or an executable that is not in the
 * image, which fails at start with exit 127 (docker-semantics §3.5).
 */
import { parseCommandLine } from '../shell/parse.ts';
import { expandWord } from '../shell/expand.ts';
import { parseServerArgs, type ServerSpec } from '../app/uvicorn.ts';
import { programName, serverProgram } from '../../dockerfile/server-options.ts';
import type { Image } from './images.ts';
import { IMAGE_FILES } from '../commands/image-programs.ts';

export type ContainerProcess =
  | { kind: 'server'; spec: ServerSpec }
  | { kind: 'refused'; message: string; exitCode: number }
  /** `argv0`: the shell named by `sh -c …` (its `$0`, the prefix of its errors); `stdin`: piped to `docker run -i` */
  | { kind: 'script'; script: string; argv0?: string; stdin?: string }
  /** a shell or Python with a terminal or an open stdin and nothing piped: it waits for input until stopped */
  | { kind: 'waiting' }
  | { kind: 'missing'; executable: string };

/**
 * Programs every python image has (those the sandbox runs, and Debian's others, which say they are
 * not simulated); pip-installed console scripts are checked against the image's packages.
 */
const SYSTEM = IMAGE_FILES;

/** What the process reads: `stdin` piped to `docker run -i`; `waits` with `-t` or `-i` (a terminal, or a stdin kept open). */
export interface ProcessInput {
  stdin: string | null;
  waits: boolean;
}

/** `env`: the container's environment (image ENV, then `-e`), which the server reads (UVICORN_HOST…) and `sh -c` expands. */
export function resolveProcess(
  argv: string[],
  image: Image,
  cwd: string,
  env: Readonly<Record<string, string>>,
  input: ProcessInput = { stdin: null, waits: false },
): ContainerProcess {
  const exe = argv[0] ?? '';
  const name = programName(exe);
  const readsInput = isShell(argv) || isPythonPrompt(argv);
  // Lab, Engine 28.5: `printf 'echo hi\nexit 4\n' | docker run -i IMAGE bash` prints hi, exit 4;
  // `docker run -dit IMAGE bash` stays up; `docker run -d IMAGE bash` reads an empty stdin, exit 0.
  if (readsInput && input.stdin !== null)
    return isShell(argv)
      ? { kind: 'script', script: input.stdin, argv0: exe }
      : { kind: 'script', script: argv.map(quote).join(' '), stdin: input.stdin };
  if (readsInput && input.waits) return { kind: 'waiting' };
  // A shell with no script and no terminal reads an empty stdin and exits 0.
  if ((name === 'sh' || name === 'bash') && argv[1] !== '-c') return { kind: 'script', script: '' };
  if ((name === 'sh' || name === 'bash') && argv[1] === '-c') {
    const words = singleCommand(argv[2] ?? '', image, cwd, env);
    const server = words && serverOf(words, image, cwd, env);
    return server ?? { kind: 'script', script: argv[2] ?? '', argv0: exe };
  }
  // `uvicorn --version` prints and exits; the image's dash answers it.
  if (name === 'uvicorn' && argv[1] === '--version' && image.packages.has('uvicorn'))
    return { kind: 'script', script: argv.map(quote).join(' ') };
  const server = serverOf(argv, image, cwd, env);
  if (server) return server;
  if (SYSTEM.has(name) || (name === 'fastapi' && image.packages.has('fastapi')))
    return { kind: 'script', script: argv.map(quote).join(' ') };
  return { kind: 'missing', executable: exe };
}

/** A shell with no script (`bash`, `/bin/sh`): it reads its commands from stdin. */
export function isShell(argv: readonly string[]): boolean {
  const name = programName(argv[0] ?? '');
  return (name === 'sh' || name === 'bash' || name === 'dash') && argv.length === 1;
}

/** `sh -c SCRIPT` (or bash's, dash's): a shell is the container's PID 1 and runs the script. */
export function isShellScript(argv: readonly string[]): boolean {
  return /^(ba|da)?sh$/.test(programName(argv[0] ?? '')) && argv[1] === '-c';
}

/**
 * Whether the container's PID 1 takes no action on SIGINT: `sleep` (PID 1 gets no default action
 * for a signal it has no handler for) and a shell, which acts on it only once the command it waits
 * for returns (lab, Engine 28.5: run-sleep-ctrl-c.txt, run-shell-loop-ctrl-c.txt).
 */
export function ignoresInterrupt(argv: readonly string[]): boolean {
  return isShellScript(argv) || programName(argv[0] ?? '') === 'sleep';
}

/** Python with no program (the image's default command): it reads one from stdin, or prompts on a terminal. */
export function isPythonPrompt(argv: readonly string[]): boolean {
  return /^python3?(\.\d+)?$/.test(programName(argv[0] ?? '')) && argv.length === 1;
}

/** What `docker exec` runs: one of the image's programs, as a one-command script for its dash; else the executable it cannot find. */
export function execScript(argv: string[], image: Image): { script: string } | { missing: string } {
  const exe = argv[0] ?? '';
  const name = programName(exe);
  const console = (name === 'uvicorn' || name === 'fastapi') && image.packages.has(name);
  if (SYSTEM.has(name) || console) return { script: argv.map(quote).join(' ') };
  return { missing: exe };
}

function serverOf(
  argv: string[],
  image: Image,
  cwd: string,
  env: Readonly<Record<string, string>>,
): ContainerProcess | null {
  const program = serverProgram(argv);
  if (!program || !image.packages.has(program.kind === 'uvicorn' ? 'uvicorn' : 'fastapi-cli'))
    return null;
  const parsed = parseServerArgs(program.kind, argv.slice(program.optionsStart), {
    fs: image.fs,
    cwd,
    env,
  });
  return parsed.ok
    ? { kind: 'server', spec: parsed.value }
    : { kind: 'refused', message: parsed.message, exitCode: parsed.exitCode };
}

/** The words of a one-command script after the shell's expansion (`--port $PORT`), `exec` dropped; null for anything longer. */
function singleCommand(
  script: string,
  image: Image,
  cwd: string,
  env: Readonly<Record<string, string>>,
): string[] | null {
  const parsed = parseCommandLine(script);
  if (parsed.kind !== 'ok' || parsed.items.length !== 1 || parsed.items[0]!.pipeline.length !== 1)
    return null;
  const shell = {
    cwd,
    home: '/root',
    env: new Map(Object.entries(env)),
    venv: null,
    history: [],
    lastExit: 0,
  };
  const words = parsed.items[0]!.pipeline[0]!.words.flatMap((word) =>
    expandWord(word, shell, image.fs),
  );
  return words[0] === 'exec' ? words.slice(1) : words;
}

function quote(arg: string): string {
  return /^[\w./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The COMMAND column's text: the process path and its arguments, shell form quoted as the daemon shows it. */
export function commandText(argv: string[]): string {
  if ((argv[0] === '/bin/sh' || argv[0] === 'sh') && argv[1] === '-c' && argv.length === 3)
    return `${argv[0]} -c '${argv[2]}'`;
  return argv.join(' ');
}
