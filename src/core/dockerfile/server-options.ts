/**
 * What uvicorn and `fastapi run|dev` read from their words and their environment: which program
 * the words start, the options, and the address each listens on once defaults and variables apply.
 * One reader for the Dockerfile analysis (a CMD) and the sandbox (a container's process, a command
 * typed on the laptop). Defaults (docker-semantics.md §5.1, §5.2): uvicorn 127.0.0.1:8000;
 * `fastapi run` 0.0.0.0:8000; `fastapi dev` 127.0.0.1:8000 with reload on.
 *
 * [LOCAL] uvicorn 0.32.0 (click) in python:3.13-slim on the lab engine (tests/unit/dockerfile/real/uvicorn-options.txt):
 * - `-e UVICORN_HOST=0.0.0.0 -e UVICORN_PORT=9000` → `Uvicorn running on http://0.0.0.0:9000`; `--port 9001`
 *   beats UVICORN_PORT; `-e PORT=9000` is ignored (8000); `-e UVICORN_PORT=abc` fails as `--port abc` does.
 * - `--port abc` → `Error: Invalid value for '--port': 'abc' is not a valid integer.`, exit 2; `--port 8_000`
 *   and `--port ' 8001 '` are accepted (Python's int()).
 * - `--no-reload` and `-e` → `Error: No such option: …`; `uvicorn m:app other` → `Got unexpected extra argument (other)`;
 *   `uvicorn m:app --host` → `Error: Option '--host' requires an argument.` alone, without the usage lines.
 * - `uvicorn -- m:app` and `uvicorn --host 0.0.0.0 m:app` serve m:app.
 * uvicorn's options are its 0.32 `--help`; fastapi-cli's are those of 0.0.32 (`src/fastapi_cli/cli.py`).
 */
import type { ServerKind } from './types.ts';

export interface ServerOptions {
  /** as written, e.g. `0.0.0.0` or `$HOST`; null when not given */
  host: string | null;
  port: string | null;
  reload: boolean;
  /** the first positional word: `app.main:app` (uvicorn) or `app/main.py` (fastapi); null when not given */
  app: string | null;
  /** the positional words after it, which the tool refuses */
  extra: string[];
  /** `--app-dir`, `--uds` or `--fd` make the app path or the TCP address something else */
  appDir: string | null;
  notTcp: boolean;
  /**
   * why the tool stops while reading its words, in click's wording (`No such option: --bogus`); null
   * when it does not. `usage`: click prints the usage lines above it (not for a missing option value).
   */
  error: { message: string; usage: boolean } | null;
}

export interface ServerProgram {
  kind: ServerKind;
  /** index of the first word after the program (`run`/`dev` included for fastapi) */
  argsStart: number;
  /** index of the first option or positional word */
  optionsStart: number;
}

const UVICORN_VALUES = new Set([
  '--host',
  '--port',
  '--uds',
  '--fd',
  '--loop',
  '--http',
  '--ws',
  '--ws-max-size',
  '--ws-max-queue',
  '--ws-ping-interval',
  '--ws-ping-timeout',
  '--ws-per-message-deflate',
  '--lifespan',
  '--interface',
  '--env-file',
  '--log-config',
  '--log-level',
  '--root-path',
  '--limit-concurrency',
  '--backlog',
  '--limit-max-requests',
  '--timeout-keep-alive',
  '--timeout-graceful-shutdown',
  '--ssl-keyfile',
  '--ssl-certfile',
  '--ssl-keyfile-password',
  '--ssl-version',
  '--ssl-cert-reqs',
  '--ssl-ca-certs',
  '--ssl-ciphers',
  '--header',
  '--h11-max-incomplete-event-size',
  '--app-dir',
  '--workers',
  '--reload-dir',
  '--reload-include',
  '--reload-exclude',
  '--reload-delay',
  '--forwarded-allow-ips',
]);
const UVICORN_FLAGS = new Set([
  '--reload',
  '--access-log',
  '--no-access-log',
  '--use-colors',
  '--no-use-colors',
  '--proxy-headers',
  '--no-proxy-headers',
  '--server-header',
  '--no-server-header',
  '--date-header',
  '--no-date-header',
  '--factory',
  '--version',
  '--help',
]);
const FASTAPI_VALUES = new Set([
  '--host',
  '--port',
  '--workers',
  '--root-path',
  '--app',
  '--entrypoint',
  '-e',
  '--forwarded-allow-ips',
]);
const FASTAPI_FLAGS = new Set([
  '--reload',
  '--no-reload',
  '--proxy-headers',
  '--no-proxy-headers',
  '--help',
]);

const OPTIONS: Readonly<
  Record<ServerKind, { values: ReadonlySet<string>; flags: ReadonlySet<string> }>
> = {
  uvicorn: { values: UVICORN_VALUES, flags: UVICORN_FLAGS },
  'fastapi-run': { values: FASTAPI_VALUES, flags: FASTAPI_FLAGS },
  'fastapi-dev': { values: FASTAPI_VALUES, flags: FASTAPI_FLAGS },
};

/** The program's name without its directory: `/usr/local/bin/uvicorn` → `uvicorn`. */
export function programName(word: string | undefined): string {
  return (word ?? '').split('/').pop() ?? '';
}

/** `uvicorn …`, `python -m uvicorn …`, `fastapi run …`, `fastapi dev …`; null for any other program. */
export function serverProgram(words: readonly string[]): ServerProgram | null {
  const viaPython = /^python(?:\d+(?:\.\d+)?)?$/.test(programName(words[0])) && words[1] === '-m';
  const at = viaPython ? 2 : 0;
  const name = viaPython ? words[2] : programName(words[0]);
  if (name === 'uvicorn') return { kind: 'uvicorn', argsStart: at + 1, optionsStart: at + 1 };
  const mode = words[at + 1];
  if (name === 'fastapi' && (mode === 'run' || mode === 'dev'))
    return {
      kind: mode === 'run' ? 'fastapi-run' : 'fastapi-dev',
      argsStart: at + 1,
      optionsStart: at + 2,
    };
  return null;
}

/** Reads the words after the program (after `run`/`dev` for fastapi) as the tool's option parser does. */
export function readServerOptions(kind: ServerKind, args: readonly string[]): ServerOptions {
  const { values, flags } = OPTIONS[kind];
  const options: ServerOptions = {
    host: null,
    port: null,
    reload: kind === 'fastapi-dev',
    app: null,
    extra: [],
    appDir: null,
    notTcp: false,
    error: null,
  };
  const positional = (word: string) =>
    options.app === null ? (options.app = word) : options.extra.push(word);
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '--') {
      args.slice(i + 1).forEach(positional);
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positional(word);
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const option = eq === -1 ? word : word.slice(0, eq);
    if (!values.has(option)) {
      if (!flags.has(option))
        options.error ??= { message: `No such option: ${option}`, usage: true };
      else if (option === '--reload' || option === '--no-reload')
        options.reload = option === '--reload';
      continue;
    }
    const value = eq !== -1 ? word.slice(eq + 1) : (args[++i] ?? null);
    if (value === null) {
      options.error ??= { message: `Option '${option}' requires an argument.`, usage: false };
      break;
    }
    if (option === '--host') options.host = value;
    else if (option === '--port') options.port = value;
    else if (option === '--app-dir') options.appDir = value;
    else if (option === '--uds' || option === '--fd') options.notTcp = true;
  }
  return options;
}

const DEFAULT_HOST: Readonly<Record<ServerKind, string>> = {
  uvicorn: '127.0.0.1',
  'fastapi-run': '0.0.0.0',
  'fastapi-dev': '127.0.0.1',
};
const DEFAULT_PORT = '8000';

export interface ListenWords {
  /** the command's own word, else the environment's value, else the tool's default */
  host: string;
  /** false when the default applies */
  hostGiven: boolean;
  port: string;
  portGiven: boolean;
}

/** The host and port words a server starts with: its options, else the variables it reads, else its defaults. */
export function listenWords(
  kind: ServerKind,
  options: Pick<ServerOptions, 'host' | 'port'>,
  env: Readonly<Record<string, string>>,
): ListenWords {
  // uvicorn reads UVICORN_HOST and UVICORN_PORT (click's auto_envvar_prefix); fastapi-cli reads PORT (since 0.0.12) but no host variable.
  const fromEnv = (name: string | null) =>
    name !== null && Object.hasOwn(env, name) ? (env[name] ?? null) : null;
  const host = options.host ?? fromEnv(kind === 'uvicorn' ? 'UVICORN_HOST' : null);
  const port = options.port ?? fromEnv(kind === 'uvicorn' ? 'UVICORN_PORT' : 'PORT');
  return {
    host: host ?? DEFAULT_HOST[kind],
    hostGiven: host !== null,
    port: port ?? DEFAULT_PORT,
    portGiven: port !== null,
  };
}

/** A port as click's INT reads it (Python's int(): spaces around, `_` between digits, a sign); null when it refuses it. */
export function readPort(text: string): number | null {
  const match = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/.exec(text);
  return match ? Number(`${match[1]}${match[2]!.replace(/_/g, '')}`) : null;
}

/** click's message for a port it cannot read, from the command or from UVICORN_PORT alike. */
export function invalidPort(text: string): string {
  return `Invalid value for '--port': '${text}' is not a valid integer.`;
}
