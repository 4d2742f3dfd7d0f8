/**
 * Reads the server out of a container's command: uvicorn (also `python -m uvicorn`), `fastapi run`
 * and `fastapi dev`, with the address each listens on once defaults and the environment apply.
 * Defaults (docker-semantics.md §5.1, §5.2): uvicorn 127.0.0.1:8000; `fastapi run` 0.0.0.0:8000;
 * `fastapi dev` 127.0.0.1:8000 with reload on. [LOCAL] uvicorn 0.32 also reads UVICORN_HOST and
 * UVICORN_PORT from the environment (`-e UVICORN_HOST=0.0.0.0 -e UVICORN_PORT=9000` → 0.0.0.0:9000).
 */
import type { ServerKind } from './types.ts';
import { splitCommands } from './shell-words.ts';
import { expandVariables } from './variables.ts';

export interface ServerCommand {
  kind: ServerKind;
  /** the words of the simple command that starts the server, from the program on (`python -m uvicorn …`) */
  words: string[];
  /** index in `words` of the first word after the program (`run`/`dev` included for fastapi) */
  argsStart: number;
  /** true when these words are the container's whole command, so an exec-form CMD can replace it */
  alone: boolean;
  /** true when a shell runs the command, so `$VAR` is expanded at start */
  viaShell: boolean;
  host: string | null;
  port: string | null;
  reload: boolean;
  /** `app.main:app` (uvicorn) or `app/main.py` (fastapi); null when not given */
  app: string | null;
  /** `--app-dir`, `--uds` or `--fd` make the app path or the TCP address something else */
  appDir: string | null;
  notTcp: boolean;
}

const UVICORN_VALUES = new Set([
  '--host', '--port', '--uds', '--fd', '--loop', '--http', '--ws', '--ws-max-size', '--ws-max-queue', '--ws-ping-interval',
  '--ws-ping-timeout', '--ws-per-message-deflate', '--lifespan', '--interface', '--env-file', '--log-config', '--log-level',
  '--root-path', '--limit-concurrency', '--backlog', '--limit-max-requests', '--timeout-keep-alive',
  '--timeout-graceful-shutdown', '--ssl-keyfile', '--ssl-certfile', '--ssl-keyfile-password', '--ssl-version',
  '--ssl-cert-reqs', '--ssl-ca-certs', '--ssl-ciphers', '--header', '--h11-max-incomplete-event-size', '--app-dir',
  '--workers', '--reload-dir', '--reload-include', '--reload-exclude', '--reload-delay', '--forwarded-allow-ips',
]);
const FASTAPI_VALUES = new Set(['--host', '--port', '--workers', '--root-path', '--app', '--entrypoint', '-e', '--forwarded-allow-ips']);

const SHELLS = /^(?:sh|bash|dash|ash)$/;

export function findServer(argv: readonly string[]): ServerCommand | null {
  const viaShell = SHELLS.test(program(argv[0])) && argv[1] === '-c';
  const commands = viaShell ? splitCommands(argv[2] ?? '') : [[...argv]];
  for (const words of commands) {
    const server = readServer(words, viaShell, commands.length === 1);
    if (server) return server;
  }
  return null;
}

function program(word: string | undefined): string {
  return (word ?? '').split('/').pop() ?? '';
}

function readServer(all: readonly string[], viaShell: boolean, onlyCommand: boolean): ServerCommand | null {
  let start = 0;
  while (start < all.length && (/^\w+=/.test(all[start] ?? '') || ['exec', 'env'].includes(all[start] ?? ''))) start++;
  const words = all.slice(start);
  let i = 0;
  if (/^python(?:\d+(?:\.\d+)?)?$/.test(program(words[0])) && words[1] === '-m') i = 2;
  const name = i === 0 ? program(words[0]) : words[i];
  let kind: ServerKind;
  if (name === 'uvicorn') [kind, i] = ['uvicorn', i + 1];
  else if (name === 'fastapi' && (words[i + 1] === 'run' || words[i + 1] === 'dev')) [kind, i] = [words[i + 1] === 'run' ? 'fastapi-run' : 'fastapi-dev', i + 1];
  else return null;

  const server: ServerCommand = {
    kind, words, argsStart: i, alone: onlyCommand && start === 0, viaShell,
    host: null, port: null, reload: kind === 'fastapi-dev', app: null, appDir: null, notTcp: false,
  };
  const takesValue = kind === 'uvicorn' ? UVICORN_VALUES : FASTAPI_VALUES;
  for (let j = kind === 'uvicorn' ? i : i + 1; j < words.length; j++) {
    const word = words[j] ?? '';
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const option = eq === -1 ? word : word.slice(0, eq);
    const value = eq !== -1 ? word.slice(eq + 1) : takesValue.has(option) ? words[++j] ?? null : null;
    if (option === '--host') server.host = value;
    else if (option === '--port') server.port = value;
    else if (option === '--reload') server.reload = true;
    else if (option === '--no-reload') server.reload = false;
    else if (option === '--app-dir') server.appDir = value;
    else if (option === '--uds' || option === '--fd') server.notTcp = true;
    else if (!word.startsWith('-') && server.app === null) server.app = word;
  }
  return server;
}

const DEFAULT_HOST: Readonly<Record<ServerKind, string>> = { uvicorn: '127.0.0.1', 'fastapi-run': '0.0.0.0', 'fastapi-dev': '127.0.0.1' };
const DEFAULT_PORT = 8000;

export interface ServerAddress {
  /** null when it depends on something the Dockerfile does not say (an unset variable) */
  host: string | null;
  hostGiven: boolean;
  port: number | null;
  portGiven: boolean;
}

/** Where the server listens, with ENV values the Dockerfile sets and each server's defaults. */
export function serverAddress(server: ServerCommand, env: Readonly<Record<string, string>>): ServerAddress {
  const resolve = (word: string | null): string | null => (word === null ? null : expand(word, server.viaShell ? env : null));
  // fastapi-cli reads PORT (since 0.0.12) but no host variable.
  const hostWord = server.host ?? (server.kind === 'uvicorn' ? env['UVICORN_HOST'] : undefined) ?? null;
  const portWord = server.port ?? env[server.kind === 'uvicorn' ? 'UVICORN_PORT' : 'PORT'] ?? null;
  const host = hostWord === null ? DEFAULT_HOST[server.kind] : resolve(hostWord);
  const portText = portWord === null ? String(DEFAULT_PORT) : resolve(portWord);
  const port = portText !== null && /^\d{1,5}$/.test(portText) ? Number(portText) : null;
  return server.notTcp
    ? { host: null, hostGiven: true, port: null, portGiven: true }
    : { host, hostGiven: hostWord !== null, port, portGiven: portWord !== null };
}

/** `$PORT`, `${PORT}`, `${PORT:-8000}` with the given environment; null when a shell would not (or could not) say. */
function expand(word: string, env: Readonly<Record<string, string>> | null): string | null {
  if (!word.includes('$')) return word;
  if (env === null) return null;
  const expansion = expandVariables(word, (name) => (Object.hasOwn(env, name) ? env[name] : undefined));
  return expansion.unset ? null : expansion.text;
}

export function isLoopback(host: string): boolean {
  return /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
}
