/**
 * The memory snapshot the browser restores (src/node/python/pyodide-snapshot.ts) is a working
 * Python: restored here in Node from the same gzipped file the build copies into the site, with
 * the sandbox's files installed over it as the browser does, it serves the handlers app as real
 * FastAPI answered (tests/fixtures/python/apps, recorded on the lab).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import {
  installSite,
  type PyodideLike,
  type PythonRuntime,
} from '../../../src/core/sandbox/index.ts';
import { PythonProcesses } from '../../../src/core/sandbox/python/python-host.ts';
import { pyodideDir, siteFiles } from '../../../src/node/python/pyodide-runtime.ts';
import { snapshotFile } from '../../../src/node/python/pyodide-snapshot.ts';
import { handlersStart, LOAD_TIMEOUT, parseRaw, recording } from './real-python.ts';

const restored: PythonRuntime = {
  downloadBytes: 0,
  async load() {
    const { loadPyodide } = createRequire(import.meta.url)('pyodide') as {
      loadPyodide(options: object): Promise<PyodideLike>;
    };
    const heap = gunzipSync(readFileSync(await snapshotFile()));
    const pyodide = await loadPyodide({ indexURL: `${pyodideDir()}/`, _loadSnapshot: heap });
    // already on sys.path and imported in the snapshot: installing again must not add a second entry
    const bridge = installSite(pyodide, siteFiles());
    expect(pyodide.runPython('import sys; sys.path.count("/lib/layerwise")')).toBe(1);
    return bridge;
  },
};

it(
  'a Python restored from the snapshot serves the handlers app as real FastAPI did',
  async () => {
    const python = new PythonProcesses(restored, () => {});
    const started = await python.start(handlersStart('0.143.3'));
    expect(started.result.state).toBe('serving');
    const real = recording('3.14-slim', 'handlers');
    const { request: line, raw } = real.responses!.find((r) => r.request === 'GET /items/5')!;
    const [method, target] = line.split(' ');
    const q = target!.indexOf('?');
    const answer = await python.request(started.pid, {
      method: method!,
      path: q < 0 ? target! : target!.slice(0, q),
      query: q < 0 ? '' : target!.slice(q + 1),
      headers: [['host', '127.0.0.1:8000']],
      body: '',
      client: '172.17.0.1:40000',
    });
    const want = parseRaw(raw);
    expect([answer.status, answer.body]).toEqual([want.status, want.body]);
  },
  LOAD_TIMEOUT,
);
