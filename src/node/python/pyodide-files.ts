/**
 * Serves CPython for the browser from this site (never a CDN): Pyodide's runtime files are
 * copied from node_modules into the build at `/pyodide/` (not committed), and the dev server
 * answers the same path from node_modules. Beside them, the memory snapshot of a started Python
 * (pyodide-snapshot.ts). Nothing loads them until an app first starts.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pyodideDir } from './pyodide-runtime.ts';
import { SNAPSHOT_FILE, snapshotFile } from './pyodide-snapshot.ts';

/** What loadPyodide() fetches: the loader, the Emscripten module, CPython, the standard library, the lock file it reads. */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
};

export function pyodideFiles(): AstroIntegration {
  return {
    name: 'layerwise-pyodide-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          // under a base path (LAYERWISE_BASE) the page asks for <base>pyodide/…
          const name = /^(?:\/[^?]*)?\/pyodide\/([^/?]+)$/.exec(
            (req.url ?? '').split('?')[0] ?? '',
          )?.[1];
          if (name === SNAPSHOT_FILE) {
            res.setHeader('Content-Type', 'application/octet-stream');
            snapshotFile().then(
              (file) => createReadStream(file).pipe(res),
              (error: unknown) => next(error),
            );
            return;
          }
          if (!name || !(PYODIDE_FILES as readonly string[]).includes(name)) return next();
          res.setHeader(
            'Content-Type',
            TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream',
          );
          createReadStream(join(pyodideDir(), name)).pipe(res);
        });
      },
      'astro:build:done': async ({ dir }) => {
        const target = join(fileURLToPath(dir), 'pyodide');
        mkdirSync(target, { recursive: true });
        for (const name of PYODIDE_FILES) {
          const from = join(pyodideDir(), name);
          if (!existsSync(from)) throw new Error(`pyodide: ${from} is missing (npm install?)`);
          copyFileSync(from, join(target, name));
        }
        copyFileSync(await snapshotFile(), join(target, SNAPSHOT_FILE));
      },
    },
  };
}
