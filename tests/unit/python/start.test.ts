/**
 * Starting an app as `uvicorn app.main:app` does, against what real Uvicorn 0.53 / CPython 3.14
 * printed on the lab for the same files (tests/fixtures/python/real/3.14-slim): the traceback of a
 * syntax error, a NameError and a missing module at import, Uvicorn's own errors for a wrong
 * module or attribute, print() with and without PYTHONUNBUFFERED, and `python app/main.py`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Vfs } from '../../../src/core/sandbox/host/vfs.ts';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { startApp } from '../../../src/core/sandbox/app/server.ts';
import { scriptTraceback } from '../../../src/core/sandbox/app/uvicorn-traceback.ts';
import type { ServerSpec } from '../../../src/core/sandbox/app/uvicorn.ts';
import { appFiles, LAB_LAYOUT, LOAD_TIMEOUT, python, recording } from './real-python.ts';

const PACKAGES = new Set(['fastapi', 'pydantic', 'starlette', 'uvicorn']);

function machine(app: string) {
  const clock = manualClock();
  const fs = new Vfs(clock);
  for (const [path, text] of Object.entries(appFiles(app))) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true });
    fs.write(path, text);
  }
  return { fs, clock };
}

async function start(
  app: string,
  target = 'app.main:app',
  env: Record<string, string> = {},
  packages = PACKAGES,
) {
  const { fs, clock } = machine(app);
  const logs = { stdout: '', stderr: '' };
  const spec: ServerSpec = {
    tool: 'uvicorn',
    target,
    host: '0.0.0.0',
    port: 8000,
    reload: false,
    appDir: null,
  };
  const started = await startApp({
    spec,
    pid: 1,
    fs,
    cwd: '/app',
    env,
    packages,
    layout: LAB_LAYOUT,
    tty: false,
    python,
    clock,
    log: (stream, text) => (logs[stream] += text),
  });
  return { started, logs };
}

beforeAll(
  () =>
    python.start({
      files: {},
      roots: [],
      env: {},
      packages: [],
      argv: [''],
      tty: false,
      sitePackages: '',
      mode: 'script',
      target: '<string>',
      source: '',
    }),
  LOAD_TIMEOUT,
);

describe('an app that cannot be imported ends the process as Uvicorn does', () => {
  it.each(['errors-syntax', 'errors-name', 'errors-module'])(
    '%s: the traceback, exit 1',
    async (app) => {
      const real = recording('3.14-slim', `${app}-detached`);
      const { started, logs } = await start(app);
      expect(started).toEqual({ ok: false, exitCode: real.exitCode });
      expect(logs.stderr).toBe(real.stderr);
      expect(logs.stdout).toBe(real.stdout);
    },
  );

  it('a module the image installed but the browser lacks: one line saying so, exit 1', async () => {
    const { started, logs } = await start(
      'errors-module',
      'app.main:app',
      {},
      new Set([...PACKAGES, 'numpy']),
    );
    expect(started).toEqual({ ok: false, exitCode: 1 });
    expect(logs.stderr).toBe(
      "the module 'numpy': not simulated in this browser terminal; real Docker on your machine will run it.\n",
    );
  });

  it.each([
    ['missing-attribute', 'app.main:application'],
    ['missing-module', 'app.nope:app'],
  ])('%s: Uvicorn\'s "Error loading ASGI app" line and its exit code', async (name, target) => {
    const real = recording('3.14-slim', name);
    const { started, logs } = await start('prints', target);
    expect(started).toEqual({ ok: false, exitCode: real.exitCode });
    expect(logs.stderr).toBe(real.stderr);
    expect(logs.stdout).toBe(real.stdout);
  });
});

describe('print() reaches the log as CPython writes it', () => {
  it.each([
    ['prints-buffered', { PYTHONUNBUFFERED: '' }],
    ['prints-unbuffered', { PYTHONUNBUFFERED: '1' }],
  ])('%s', async (name, env) => {
    const real = recording('3.14-slim', name);
    const { started, logs } = await start('prints', 'app.main:app', env);
    if (!started.ok) throw new Error('did not start');
    const before = logs.stdout;
    await started.value.handle(
      { method: 'GET', target: '/', headers: [['host', '127.0.0.1:4412']], body: '' },
      '172.17.0.1:39828',
    );
    started.value.stop(true);
    expect(logs.stdout.replace(/:\d+ - /g, ':P - ')).toBe(real.stdout.replace(/:\d+ - /g, ':P - '));
    expect(logs.stderr).toBe(real.stderr);
    // Buffered, nothing shows before the first access line flushes stdout.
    expect(before).toBe(env.PYTHONUNBUFFERED ? 'importing the app\n' : '');
  });
});

describe('python app/main.py', () => {
  it.each(['errors-syntax', 'errors-name'])('%s: the traceback CPython prints', async (app) => {
    const real = recording('3.14-slim', `${app}-python`);
    const files = appFiles(app);
    const { result } = await python.start({
      files,
      roots: ['/app/app'],
      env: {},
      packages: [...PACKAGES],
      argv: ['app/main.py'],
      tty: false,
      sitePackages: LAB_LAYOUT.sitePackages,
      mode: 'script',
      target: '/app/app/main.py',
      source: files['/app/app/main.py']!,
    });
    expect(result.state).toBe('exited');
    if (result.state !== 'exited' || result.error?.kind !== 'traceback')
      throw new Error('no traceback');
    expect(result.exitCode).toBe(real.exitCode);
    expect(scriptTraceback(result.error.text, LAB_LAYOUT)).toBe(real.stderr);
  });
});
