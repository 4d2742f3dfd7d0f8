/**
 * A running Uvicorn process serving the learner's app, wherever it runs (the laptop or a
 * container). It reads the app once at start, or on every request with `--reload`, as the real
 * reloader would have restarted it after an edit.
 */
import type { Clock } from '../host/clock.ts';
import type { Vfs } from '../host/vfs.ts';
import { resolvePath } from '../../text/index.ts';
import { httpDate, respond, type HttpResponse } from './fastapi-app.ts';
import { accessLine, loadApp, startupLines, type Parsed, type ServerSpec } from './uvicorn.ts';

export interface RunningApp {
  spec: ServerSpec;
  pid: number;
  /** the lines printed at start (stderr in Uvicorn) */
  startup: string[];
  /** a request that reached the process; logs the access line */
  handle(method: string, path: string, client: string): HttpResponse;
}

export interface AppProcessOptions {
  spec: ServerSpec;
  pid: number;
  fs: Vfs;
  cwd: string;
  clock: Clock;
  /** access log lines (stdout in Uvicorn) */
  log(line: string): void;
}

export function startApp(options: AppProcessOptions): Parsed<RunningApp> {
  const { spec, fs, cwd, clock } = options;
  // --app-dir puts that directory first on the import path; the reloader still watches cwd.
  const importRoot = spec.appDir === null ? cwd : resolvePath(cwd, spec.appDir);
  const first = loadApp(fs, importRoot, spec.target);
  if (!first.ok) return first;
  let app = first.value;
  return {
    ok: true,
    value: {
      spec,
      pid: options.pid,
      startup: startupLines(spec, options.pid, cwd),
      handle(method, path, client) {
        if (spec.reload) {
          const fresh = loadApp(fs, importRoot, spec.target);
          if (fresh.ok) app = fresh.value;
        }
        const response = respond(app, method, path, httpDate(clock.now()));
        options.log(accessLine(client, method, path, response.status, response.reason));
        return response;
      },
    },
  };
}
