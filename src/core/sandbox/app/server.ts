/**
 * A running Uvicorn process serving the learner's app, wherever it runs (the laptop or a
 * container): the app is imported in real CPython (python/python-host.ts), its output and
 * Uvicorn's log lines go to `log`, and each request is answered by the app's own code. With
 * `--reload` a changed `.py` file restarts the worker as Uvicorn's reloader does; a worker that
 * failed to import leaves the reloader waiting for the next change.
 */
import type { Vfs } from '../host/vfs.ts';
import { resolvePath } from '../../text/index.ts';
import type { Clock } from '../host/clock.ts';
import type { Output, PythonProcesses, StartConfig } from '../python/python-host.ts';
import { httpDate, type HttpRequest, type HttpResponse } from './http.ts';
import type { PythonLayout } from '../python/layout.ts';
import { releaseFor } from './releases.ts';
import { lazyModule } from '../../lazy-module.ts';
import { info, reloaderLines, serverLines, shutdownLines, type ServerSpec } from './uvicorn.ts';

export interface RunningApp {
  spec: ServerSpec;
  pid: number;
  /** false while a `--reload` worker is down (its import failed): connections hang, as the reloader holds the socket */
  serving(): boolean;
  /** a request that reached the process; uvicorn's access line goes to the log */
  handle(request: HttpRequest, client: string): Promise<HttpResponse>;
  /** SIGTERM (Uvicorn shuts down cleanly, print()'s buffer is flushed) or SIGKILL; done when it returns */
  stop(graceful: boolean): void;
}

export interface AppProcessOptions {
  spec: ServerSpec;
  pid: number;
  fs: Vfs;
  cwd: string;
  env: Record<string, string>;
  /** the environment's installed distributions, lower case */
  packages: Set<string>;
  layout: PythonLayout;
  /** stdout is a terminal (uvicorn in the learner's shell, `docker run -t`): no block buffering */
  tty: boolean;
  python: PythonProcesses;
  clock: Clock;
  log(stream: 'stdout' | 'stderr', text: string): void;
  /** a Python process already serving (a script that called `uvicorn.run(app)`) */
  adopt?: number | null;
}

/** Uvicorn's error lines and the recorded tracebacks: fetched the first time a start fails. */
export const failures = lazyModule(() => import('./import-errors.ts'));

export type Started = { ok: true; value: RunningApp } | { ok: false; exitCode: number };

/** Every `.py` file under the import roots, as the interpreter would find them on disk. */
export function pythonFiles(fs: Vfs, roots: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const root of roots)
    for (const rel of fs.walk(root)) {
      if (!rel.endsWith('.py') || /(^|\/)(\.venv|venv|node_modules|\.git)\//.test(rel)) continue;
      const path = resolvePath(root, rel);
      const text = fs.read(path);
      if (text !== null) files[path] = text;
    }
  return files;
}

/** A `--reload` worker's pid: the reloader's + 7 for the first, then one more for each restart (tests/fixtures/python/real/3.14-slim/reload.json). */
const FIRST_WORKER = 7;

export async function startApp(o: AppProcessOptions): Promise<Started> {
  const { spec } = o;
  // --app-dir puts that directory first on the import path; the reloader still watches cwd.
  const roots = [spec.appDir === null ? o.cwd : resolvePath(o.cwd, spec.appDir)];
  const emit = (output: Output) => output.forEach(([stream, text]) => o.log(stream, text));
  const line = (text: string) => o.log('stderr', `${text}\n`);
  const watcher = o.packages.has('watchfiles') ? 'WatchFiles' : 'StatReload';
  const reloader = o.pid;
  let worker = spec.reload ? o.pid + FIRST_WORKER : o.pid;
  let spawned = spec.reload ? 1 : 0;
  if (spec.reload) reloaderLines(spec, reloader, o.cwd, watcher).forEach(line);

  let pyPid: number | null = null;
  const boot = async (): Promise<number> => {
    if (o.adopt != null && pyPid === null && worker === o.pid) {
      pyPid = o.adopt;
      serverLines(spec, worker, !spec.reload).forEach(line);
      return 0;
    }
    const config: StartConfig = {
      files: pythonFiles(o.fs, roots),
      roots,
      env: o.env,
      packages: [...o.packages],
      argv: [`${o.layout.bin}/${spec.tool === 'uvicorn' ? 'uvicorn' : 'fastapi'}`],
      tty: o.tty,
      sitePackages: o.layout.sitePackages,
      fastapi: releaseFor(o.layout.version).fastapi,
      mode: 'import',
      target: spec.target,
    };
    const { pid, result } = await o.python.start(config);
    emit(result.output);
    if (result.state === 'exited') {
      const failure = (await failures.get()).importFailure(
        result.error,
        spec.target,
        o.layout,
        spec.reload ? spawned : null,
      );
      o.log('stderr', failure.text);
      return failure.exitCode;
    }
    pyPid = pid;
    serverLines(spec, worker, !spec.reload).forEach(line);
    return 0;
  };

  const code = await boot();
  if (code !== 0 && !spec.reload) return { ok: false, exitCode: code };

  let stopWatching = () => {};
  if (spec.reload) {
    let restarting = Promise.resolve();
    stopWatching = o.fs.onChange((change) => {
      if (change.kind === 'mkdir' || !change.path.endsWith('.py')) return;
      if (!change.path.startsWith(`${o.cwd}/`)) return;
      const rel = change.path.slice(o.cwd.length + 1);
      restarting = restarting.then(async () => {
        line(`WARNING:  ${watcher} detected changes in '${rel}'. Reloading...`);
        if (pyPid !== null) {
          const pid = pyPid;
          pyPid = null;
          shutdownLines(worker).forEach(line);
          emit(o.python.stop(pid, true));
        }
        worker += 1;
        spawned += 1;
        await boot();
      });
    });
  }

  return {
    ok: true,
    value: {
      spec,
      pid: o.pid,
      serving: () => pyPid !== null,
      async handle(request, client) {
        if (pyPid === null) throw new Error('the app is not running');
        const q = request.target.indexOf('?');
        const answer = await o.python.request(pyPid, {
          method: request.method,
          path: q < 0 ? request.target : request.target.slice(0, q),
          query: q < 0 ? '' : request.target.slice(q + 1),
          headers: request.headers,
          body: request.body,
          client,
        });
        if (answer.error?.kind === 'not-simulated')
          o.log(
            'stderr',
            (await failures.get()).importFailure(answer.error, spec.target, o.layout).text,
          );
        emit(answer.output);
        return {
          status: answer.status,
          reason: answer.reason,
          headers: [['date', httpDate(o.clock.now())], ['server', 'uvicorn'], ...answer.headers],
          body: request.method === 'HEAD' ? '' : answer.body,
        };
      },
      stop(graceful) {
        stopWatching();
        const pid = pyPid;
        pyPid = null;
        if (graceful && pid !== null) shutdownLines(worker).forEach(line);
        if (pid !== null) emit(o.python.stop(pid, graceful));
        if (graceful && spec.reload) line(info(`Stopping reloader process [${reloader}]`));
      },
    },
  };
}
