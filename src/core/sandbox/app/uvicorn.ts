/**
 * Uvicorn and `fastapi run|dev` as processes: their arguments, how they find the app, and the
 * lines they log (uvicorn's `levelprefix` is `INFO:` padded to 10 columns; docker-semantics §5.1).
 */
import { readApp, type AppModel } from './fastapi-app.ts';
import type { Vfs } from '../host/vfs.ts';
import { resolvePath } from '../host/paths.ts';

export interface ServerSpec {
  tool: 'uvicorn' | 'fastapi run' | 'fastapi dev';
  /** `module:attribute` */
  target: string;
  host: string;
  port: number;
  reload: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; exitCode: number };

const level = (name: string) => `${name}:`.padEnd(10);
export const info = (text: string) => `${level('INFO')}${text}`;
export const uvicornError = (text: string) => `${level('ERROR')}${text}`;

/** The options uvicorn and fastapi-cli share; the rest are tool-specific or positional. */
function readServerFlags(spec: ServerSpec, args: string[]): { positionals: string[]; error: string | null } {
  const positionals: string[] = [];
  const ignoredWithValue = ['--workers', '--log-level', '--root-path', '--forwarded-allow-ips', '--app', '--entrypoint', '-e'];
  const ignored = ['--proxy-headers', '--no-proxy-headers', '--no-access-log', '--access-log'];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--host') spec.host = value();
    else if (flag === '--port') spec.port = Number(value());
    else if (flag === '--reload') spec.reload = true;
    else if (flag === '--no-reload') spec.reload = false;
    else if (ignoredWithValue.includes(flag)) value();
    else if (flag.startsWith('-') && !ignored.includes(flag)) return { positionals, error: `No such option: ${flag}` };
    else if (!flag.startsWith('-')) positionals.push(args[i]!);
  }
  if (!Number.isInteger(spec.port)) return { positionals, error: "Invalid value for '--port': not a valid integer." };
  return { positionals, error: null };
}

const usage = (tool: string, error: string) => `Usage: ${tool} [OPTIONS] ${tool === 'uvicorn' ? 'APP' : '[PATH]'}\nTry '${tool} --help' for help.\n\nError: ${error}\n`;

export function parseUvicornArgs(args: string[]): Parsed<ServerSpec> {
  const spec: ServerSpec = { tool: 'uvicorn', target: '', host: '127.0.0.1', port: 8000, reload: false };
  const { positionals, error } = readServerFlags(spec, args);
  if (error) return { ok: false, message: usage('uvicorn', error), exitCode: 2 };
  if (!positionals[0]) return { ok: false, message: usage('uvicorn', "Missing argument 'APP'."), exitCode: 2 };
  spec.target = positionals[0];
  return { ok: true, value: spec };
}

/** `fastapi run [PATH]` / `fastapi dev [PATH]`: path-based discovery, different host defaults. */
export function parseFastapiArgs(mode: 'run' | 'dev', args: string[], fs: Vfs, cwd: string): Parsed<ServerSpec> {
  const spec: ServerSpec = { tool: `fastapi ${mode}`, target: '', host: mode === 'run' ? '0.0.0.0' : '127.0.0.1', port: 8000, reload: mode === 'dev' };
  const { positionals, error } = readServerFlags(spec, args);
  if (error) return { ok: false, message: usage(`fastapi ${mode}`, error), exitCode: 2 };
  const path = positionals[0] ?? null;
  const candidates = path ? [path] : ['main.py', 'app.py', 'api.py', 'app/main.py', 'app/app.py', 'app/api.py'];
  const found = candidates.find((c) => fs.read(resolvePath(cwd, c)) !== null);
  if (!found) {
    const message = path ? `Path does not exist ${path}` : 'Could not find a default file to run, please provide an explicit path';
    return { ok: false, message: `${message}\n`, exitCode: 1 };
  }
  spec.target = `${found.replace(/^\.\//, '').replace(/\.py$/, '').replace(/\//g, '.')}:app`;
  return { ok: true, value: spec };
}

/** Imports `module:attribute` relative to `cwd`, with uvicorn's own error wording. */
export function loadApp(fs: Vfs, cwd: string, target: string): Parsed<Extract<AppModel, { ok: true }>> {
  const [module, attribute] = target.split(':');
  if (!module || !attribute) return { ok: false, message: uvicornError(`Error loading ASGI app. Import string "${target}" must be in format "<module>:<attribute>".`), exitCode: 1 };
  const source = fs.read(resolvePath(cwd, `${module.replace(/\./g, '/')}.py`));
  if (source === null)
    return { ok: false, message: uvicornError(`Error loading ASGI app. Could not import module "${module}".`), exitCode: 1 };
  const app = readApp(source, attribute);
  if (!app.ok) return { ok: false, message: uvicornError(`Error loading ASGI app. Attribute "${attribute}" not found in module "${module}".`), exitCode: 1 };
  return { ok: true, value: app };
}

export function listeningUrl(spec: ServerSpec): string {
  return spec.host.includes(':') ? `http://[${spec.host}]:${spec.port}` : `http://${spec.host}:${spec.port}`;
}

export function startupLines(spec: ServerSpec, pid: number, cwd: string): string[] {
  const running = info(`Uvicorn running on ${listeningUrl(spec)} (Press CTRL+C to quit)`);
  const serving = [info(`Started server process [${pid}]`), info('Waiting for application startup.'), info('Application startup complete.')];
  if (!spec.reload) return [...serving, running];
  return [info(`Will watch for changes in these directories: ['${cwd}']`), running, info(`Started reloader process [${pid - 2}] using StatReload`), ...serving];
}

export function shutdownLines(pid: number): string[] {
  return [info('Shutting down'), info('Waiting for application shutdown.'), info('Application shutdown complete.'), info(`Finished server process [${pid}]`)];
}

export function accessLine(client: string, method: string, path: string, status: number, reason: string): string {
  return info(`${client} - "${method} ${path} HTTP/1.1" ${status} ${reason}`);
}
