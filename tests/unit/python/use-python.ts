/**
 * For a test file whose sandboxes start apps: loads CPython (Pyodide, in Node) once before the
 * file's tests, with a time limit that allows for a busy machine, so no single test pays for it.
 */
import { beforeAll } from 'vitest';
import { nodePythonRuntime } from '../../../src/node/python/pyodide-runtime.ts';
import type { PythonRuntime } from '../../../src/core/sandbox/index.ts';

export const LOAD_TIMEOUT = 180_000;

export function usePython(): PythonRuntime {
  const runtime = nodePythonRuntime();
  beforeAll(() => runtime.load().then(() => undefined), LOAD_TIMEOUT);
  return runtime;
}
