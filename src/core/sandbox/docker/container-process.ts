/**
 * What a container's command turns into: a Uvicorn server, a script for `/bin/sh` (dash), or an
 * executable that is not in the image, which fails at start with exit 127 (docker-semantics §3.5).
 */
import { parseCommandLine, wordText } from '../shell/parse.ts';
import { parseFastapiArgs, parseUvicornArgs, type ServerSpec } from '../app/uvicorn.ts';
import type { Image } from './images.ts';

export type ContainerProcess =
  | { kind: 'server'; spec: ServerSpec }
  | { kind: 'script'; script: string }
  | { kind: 'missing'; executable: string };

/** Commands every python image has; pip-installed console scripts are checked against the image's packages. */
const SYSTEM = new Set(['sh', 'bash', 'echo', 'ls', 'cat', 'pwd', 'env', 'true', 'false', 'python', 'python3', 'pip', 'pip3', 'mkdir', 'touch', 'rm', 'cp', 'mv', 'chmod', 'head', 'tail', 'grep', 'wc', 'sleep']);

export function resolveProcess(argv: string[], image: Image, cwd: string): ContainerProcess {
  const exe = argv[0] ?? '';
  const name = exe.slice(exe.lastIndexOf('/') + 1);
  // A shell with no script and no terminal reads an empty stdin and exits 0, as in a real `docker run IMAGE bash`.
  if ((name === 'sh' || name === 'bash') && argv[1] !== '-c') return { kind: 'script', script: '' };
  if ((name === 'sh' || name === 'bash') && argv[1] === '-c') {
    const words = singleCommand(argv[2] ?? '');
    const server = words && serverOf(words, image, cwd);
    return server ?? { kind: 'script', script: argv[2] ?? '' };
  }
  const server = serverOf(argv, image, cwd);
  if (server) return server;
  if (SYSTEM.has(name) || (name === 'fastapi' && image.packages.has('fastapi'))) return { kind: 'script', script: argv.map(quote).join(' ') };
  return { kind: 'missing', executable: exe };
}

function serverOf(argv: string[], image: Image, cwd: string): ContainerProcess | null {
  const [exe = '', ...rest] = argv;
  const name = exe.slice(exe.lastIndexOf('/') + 1);
  const module = (name === 'python' || name === 'python3') && rest[0] === '-m' ? rest[1] : null;
  if ((name === 'uvicorn' || module === 'uvicorn') && image.packages.has('uvicorn')) {
    const parsed = parseUvicornArgs(module ? rest.slice(2) : rest);
    return parsed.ok ? { kind: 'server', spec: parsed.value } : null;
  }
  if (name === 'fastapi' && image.packages.has('fastapi-cli') && (rest[0] === 'run' || rest[0] === 'dev')) {
    const parsed = parseFastapiArgs(rest[0], rest.slice(1), image.fs, cwd);
    return parsed.ok ? { kind: 'server', spec: parsed.value } : null;
  }
  return null;
}

function singleCommand(script: string): string[] | null {
  const parsed = parseCommandLine(script);
  if (parsed.kind !== 'ok' || parsed.items.length !== 1 || parsed.items[0]!.pipeline.length !== 1) return null;
  const words = parsed.items[0]!.pipeline[0]!.words.map(wordText);
  return words[0] === 'exec' ? words.slice(1) : words;
}

function quote(arg: string): string {
  return /^[\w./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The COMMAND column's text: the process path and its arguments, shell form quoted as the daemon shows it. */
export function commandText(argv: string[]): string {
  if ((argv[0] === '/bin/sh' || argv[0] === 'sh') && argv[1] === '-c' && argv.length === 3) return `${argv[0]} -c '${argv[2]}'`;
  return argv.join(' ');
}
