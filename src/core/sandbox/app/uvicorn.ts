/**
 * Uvicorn and `fastapi run|dev` as processes: their arguments (read by the Dockerfile analysis'
 * reader, server-options.ts, so a CMD and the simulated container agree), how they find the app,
 * and the lines they log (uvicorn's `levelprefix` is `INFO:` padded to 10 columns; docker-semantics §5.1).
 */
import type { Vfs } from '../host/vfs.ts';
import { resolvePath } from '../../text/index.ts';
// The server-options entry, not the index: the prompt must not wait for the Dockerfile parser.
import {
  invalidPort,
  listenWords,
  readPort,
  readServerOptions,
} from '../../dockerfile/server-options.ts';
import type { ServerKind } from '../../dockerfile/index.ts';

export interface ServerSpec {
  tool: 'uvicorn' | 'fastapi run' | 'fastapi dev';
  /** `module:attribute` */
  target: string;
  host: string;
  port: number;
  reload: boolean;
  /** `--app-dir`: where the module is imported from instead of the working directory */
  appDir: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; exitCode: number };

const level = (name: string) => `${name}:`.padEnd(10);
export const info = (text: string) => `${level('INFO')}${text}`;
export const uvicornError = (text: string) => `${level('ERROR')}${text}`;

const TOOLS: Readonly<Record<ServerKind, ServerSpec['tool']>> = {
  uvicorn: 'uvicorn',
  'fastapi-run': 'fastapi run',
  'fastapi-dev': 'fastapi dev',
};

const usage = (tool: string) =>
  `Usage: ${tool} [OPTIONS] ${tool === 'uvicorn' ? 'APP' : '[PATH]'}\nTry '${tool} --help' for help.\n\n`;

/** Where the process starts: its working directory, its file system and its environment. */
export interface ServerPlace {
  fs: Vfs;
  cwd: string;
  env: Readonly<Record<string, string>>;
}

/**
 * The words after `uvicorn` (or after `fastapi run|dev`) as the tool reads them, with its usage
 * error (exit 2) as click words it. fastapi finds its app by path: the one given, else the
 * default files it tries.
 */
export function parseServerArgs(
  kind: ServerKind,
  args: readonly string[],
  place: ServerPlace,
): Parsed<ServerSpec> {
  const tool = TOOLS[kind];
  const options = readServerOptions(kind, args);
  const address = listenWords(kind, options, place.env);
  const port = readPort(address.port);
  const refuse = (error: string, withUsage = true): Parsed<ServerSpec> => ({
    ok: false,
    message: `${withUsage ? usage(tool) : ''}Error: ${error}\n`,
    exitCode: 2,
  });
  if (options.error !== null) return refuse(options.error.message, options.error.usage);
  if (port === null) return refuse(invalidPort(address.port));
  if (kind === 'uvicorn' && options.app === null) return refuse("Missing argument 'APP'.");
  if (options.extra.length)
    return refuse(
      `Got unexpected extra argument${options.extra.length > 1 ? 's' : ''} (${options.extra.join(' ')})`,
    );
  if (options.notTcp)
    return {
      ok: false,
      message: `${tool}: --uds and --fd are not simulated in the sandbox; listen on TCP with --host and --port\n`,
      exitCode: 2,
    };
  const spec: ServerSpec = {
    tool,
    target: options.app ?? '',
    host: address.host,
    port,
    reload: options.reload,
    appDir: options.appDir,
  };
  if (kind === 'uvicorn') return { ok: true, value: spec };
  const path = options.app;
  const candidates = path
    ? [path]
    : ['main.py', 'app.py', 'api.py', 'app/main.py', 'app/app.py', 'app/api.py'];
  const found = candidates.find((c) => place.fs.read(resolvePath(place.cwd, c)) !== null);
  if (!found) {
    const message = path
      ? `Path does not exist ${path}`
      : 'Could not find a default file to run, please provide an explicit path';
    return { ok: false, message: `${message}\n`, exitCode: 1 };
  }
  return {
    ok: true,
    value: {
      ...spec,
      target: `${found.replace(/^\.\//, '').replace(/\.py$/, '').replace(/\//g, '.')}:app`,
    },
  };
}

export function listeningUrl(spec: ServerSpec): string {
  return spec.host.includes(':')
    ? `http://[${spec.host}]:${spec.port}`
    : `http://${spec.host}:${spec.port}`;
}

/** What the reloader prints before its first worker starts (`--reload`). */
export function reloaderLines(
  spec: ServerSpec,
  pid: number,
  cwd: string,
  watcher: string,
): string[] {
  return [
    info(`Will watch for changes in these directories: ['${cwd}']`),
    info(`Uvicorn running on ${listeningUrl(spec)} (Press CTRL+C to quit)`),
    info(`Started reloader process [${pid}] using ${watcher}`),
  ];
}

/** What a worker prints once the app is imported; without the reloader it also says where it listens. */
export function serverLines(spec: ServerSpec, pid: number, listening: boolean): string[] {
  return [
    info(`Started server process [${pid}]`),
    info('Waiting for application startup.'),
    info('Application startup complete.'),
    ...(listening ? [info(`Uvicorn running on ${listeningUrl(spec)} (Press CTRL+C to quit)`)] : []),
  ];
}

export function shutdownLines(pid: number): string[] {
  return [
    info('Shutting down'),
    info('Waiting for application shutdown.'),
    info('Application shutdown complete.'),
    info(`Finished server process [${pid}]`),
  ];
}
