/**
 * CPython for the sandbox in Node (tests, scenarios, `layerwise sandbox`): Pyodide from
 * node_modules, with the sandbox's Python files (src/core/sandbox/python/site) installed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installSite,
  type PyodideLike,
  type PythonBridge,
  type PythonRuntime,
} from '../../core/sandbox/index.ts';

const SITE = fileURLToPath(new URL('../../core/sandbox/python/site/', import.meta.url));

export function siteFiles(dir = SITE): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, siteFiles(path));
    else if (name.endsWith('.py')) out[relative(SITE, path)] = readFileSync(path, 'utf8');
  }
  return out;
}

/**
 * One interpreter per Node process, kept on the global object so that test files sharing a worker
 * share it too: loading costs seconds, and the simulated processes are isolated inside it.
 */
const KEY = Symbol.for('layerwise.nodePython');
const holder = globalThis as { [KEY]?: Promise<PythonBridge> | null };

/** The installed Pyodide package's folder (its runtime files). */
export function pyodideDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

export function nodePythonRuntime(): PythonRuntime {
  const indexURL = pyodideDir();
  return {
    downloadBytes: 0,
    load() {
      holder[KEY] ??= (async () => {
        const { loadPyodide } = (await import('pyodide')) as unknown as {
          loadPyodide(options: object): Promise<PyodideLike>;
        };
        const pyodide = await loadPyodide({ indexURL: `${indexURL}/` });
        return installSite(pyodide, siteFiles());
      })();
      const loading = holder[KEY];
      loading.catch(() => (holder[KEY] = null));
      return loading;
    },
  };
}
