/**
 * Puts the sandbox's Python files into a freshly loaded Pyodide and returns the bridge; shared
 * by the browser's loader and Node's, which differ only in how they fetch CPython and the files.
 */
import type { PythonBridge } from './runtime.ts';

/** The parts of Pyodide's API the loaders use. */
export interface PyodideLike {
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
  pyimport(name: string): { call(name: string, payload: string): string };
}

export const SITE_ROOT = '/lib/layerwise';

/** `files`: path relative to `site/` → source. */
export function installSite(pyodide: PyodideLike, files: Record<string, string>): PythonBridge {
  for (const [path, text] of Object.entries(files)) {
    const full = `${SITE_ROOT}/${path}`;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
    pyodide.FS.writeFile(full, text);
  }
  // a memory snapshot (src/node/python/pyodide-snapshot.ts) already holds the path and the import
  const root = JSON.stringify(SITE_ROOT);
  pyodide.runPython(
    `import sys\nif ${root} not in sys.path: sys.path.append(${root})\nimport _layerwise`,
  );
  const bridge = pyodide.pyimport('_layerwise');
  return { call: (name, payload) => bridge.call(name, payload) };
}
