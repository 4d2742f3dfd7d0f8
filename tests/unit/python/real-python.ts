/** Shared by the Python tests: the recorded real answers (tests/fixtures/python/real) and a started app. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodePythonRuntime } from '../../../src/node/python/pyodide-runtime.ts';
import { PythonProcesses, type StartConfig } from '../../../src/core/sandbox/python/python-host.ts';
import type { PythonLayout } from '../../../src/core/sandbox/python/layout.ts';

export const FIXTURES = new URL('../../fixtures/python/', import.meta.url).pathname;

export interface Recording {
  image: string;
  versions: string;
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  responses?: { request: string; raw: string }[];
}

export function recording(tag: string, name: string): Recording {
  return JSON.parse(readFileSync(join(FIXTURES, 'real', tag, `${name}.json`), 'utf8')) as Recording;
}

/** The lab's Debian layout, so that output can be compared with the recording byte for byte. */
export const LAB_LAYOUT: PythonLayout = {
  version: '3.14',
  bin: '/usr/bin',
  sitePackages: '/usr/lib/python3/dist-packages',
  stdlib: '/usr/lib/python3.14',
};

/** An app's files as the capture mounted them at /app. */
export function appFiles(app: string): Record<string, string> {
  const root = join(FIXTURES, 'apps', app);
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.py'))
        out[`/app/${relative(root, path)}`] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return out;
}

/** The handlers app started as the capture started it (uvicorn app.main:app, GREETING=hey). */
export const handlersStart = (fastapi: string): StartConfig => ({
  files: appFiles('handlers'),
  roots: ['/app'],
  env: { GREETING: 'hey' },
  packages: ['fastapi', 'pydantic', 'starlette', 'uvicorn'],
  argv: ['/usr/bin/uvicorn'],
  tty: false,
  sitePackages: '/usr/lib/python3/dist-packages',
  fastapi,
  mode: 'import',
  target: 'app.main:app',
});

export function requestsOf(app: string): string[] {
  return readFileSync(join(FIXTURES, 'apps', app, 'requests.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
}

/** One Python for the test file (loading costs seconds). */
export const python = new PythonProcesses(nodePythonRuntime(), () => {});

/** `HTTP/1.1 200 OK\r\nname: value…\r\n\r\nbody` as curl -i printed it. */
export function parseRaw(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).split('\r\n');
  const [, status, reason] = /^HTTP\/1\.1 (\d+) (.*)$/.exec(head[0]!)!;
  return {
    status: Number(status),
    reason: reason!,
    headers: head.slice(1).map((l) => {
      const i = l.indexOf(': ');
      return [l.slice(0, i), l.slice(i + 2)] as [string, string];
    }),
    body: raw.slice(split + 4),
  };
}

export { LOAD_TIMEOUT } from './use-python.ts';
