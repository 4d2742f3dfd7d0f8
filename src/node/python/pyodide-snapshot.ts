/**
 * Pyodide's memory snapshot, made at build (issue 9: the first app start within 3 s): CPython's
 * heap once Python has initialised, the sandbox's bridge is imported, the standard-library
 * modules the stand-ins use are loaded and the stand-ins are compiled (imports.py's CODE). The browser restores it instead of starting Python and
 * importing ~200 modules from source (src/islands/python/load-pyodide.ts): on this 2-core machine
 * that start-up was most of a first start. It is made by the same Pyodide package the site serves
 * (the heap is only valid for that exact build), gzipped by us so that every host serves the same
 * bytes, and cached in node_modules/.cache by a hash of everything it holds.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { installSite, type PyodideLike } from '../../core/sandbox/index.ts';
import { pyodideDir, siteFiles } from './pyodide-runtime.ts';

/** The file's name beside Pyodide's in the site's `pyodide/`. */
export const SNAPSHOT_FILE = 'snapshot.bin.gz';

/** Standard-library modules the stand-ins and a learner's FastAPI app import (loaded in the heap). */
const WARM = [
  'copy',
  'dataclasses',
  'datetime',
  'decimal',
  'enum',
  'http',
  'inspect',
  'json',
  'linecache',
  'math',
  'os',
  'pathlib',
  're',
  'traceback',
  'types',
  'typing',
  'urllib.parse',
  'uuid',
];

async function makeSnapshot(files: Record<string, string>): Promise<Uint8Array> {
  // Node's own require: inside Astro's build hook, import() goes through Vite's module runner,
  // which is closed by then
  const { loadPyodide } = createRequire(import.meta.url)('pyodide') as {
    loadPyodide(options: object): Promise<PyodideLike & { makeMemorySnapshot(): Uint8Array }>;
  };
  const pyodide = await loadPyodide({ indexURL: `${pyodideDir()}/`, _makeSnapshot: true });
  installSite(pyodide, files);
  pyodide.runPython(
    [
      ...WARM.map((m) => `import ${m}`),
      'from _layerwise.imports import precompile',
      'precompile()',
    ].join('\n'),
  );
  return pyodide.makeMemorySnapshot();
}

/** The gzipped snapshot's path, made (about 10 s) when no cached one matches the sources. */
export async function snapshotFile(): Promise<string> {
  const files = siteFiles();
  const key = createHash('sha256')
    .update(readFileSync(join(pyodideDir(), 'pyodide.asm.wasm')))
    .update(readFileSync(join(pyodideDir(), 'python_stdlib.zip')))
    .update(JSON.stringify([WARM, Object.entries(files).sort()]))
    .digest('hex')
    .slice(0, 16);
  const dir = join(pyodideDir(), '..', '.cache', 'layerwise-pyodide');
  const file = join(dir, `snapshot-${key}.bin.gz`);
  if (existsSync(file)) return file;
  const gz = gzipSync(await makeSnapshot(files), { level: 9 });
  mkdirSync(dir, { recursive: true });
  // whole or absent: a build and two test workers may make it at once, each through its own file
  const own = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(own, gz);
  renameSync(own, file);
  return file;
}
