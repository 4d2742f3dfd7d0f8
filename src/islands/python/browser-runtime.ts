/**
 * CPython for the workspace's sandbox: a tiny object the sandbox is created with; Pyodide and
 * the sandbox's Python files load only when an app first starts (load-pyodide.ts, its own chunk).
 */
import type { PythonRuntime } from '../../core/sandbox/index.ts';

/**
 * What the first start downloads, compressed: pyodide.asm.wasm, python_stdlib.zip and the two
 * loaders (gzip -9 of pyodide 314.0.8), and the start-up snapshot (gzipped at build)
 * (tests/unit/python/recorded-frames.test.ts keeps it true).
 */
export const PYODIDE_DOWNLOAD_BYTES = 12_555_745;

export function browserPythonRuntime(): PythonRuntime {
  return {
    downloadBytes: PYODIDE_DOWNLOAD_BYTES,
    load: () => import('./load-pyodide.ts').then((m) => m.loadBrowserPython()),
  };
}
