/**
 * What a failed start prints, as Uvicorn prints it: its "Error loading ASGI app" lines, a
 * traceback from the learner's code, or, for code the browser cannot run, the one "not
 * simulated" line (never a made-up success).
 */
import type { StartError } from '../python/python-host.ts';
import { notSimulatedLine } from '../not-simulated.ts';
import { PYTHON_GAP } from '../python/gaps.ts';
import { uvicornError } from './uvicorn.ts';
import { uvicornImportTraceback } from './uvicorn-traceback.ts';
import type { PythonLayout } from '../python/layout.ts';
import { releaseFor } from './releases.ts';

export { scriptTraceback } from './uvicorn-traceback.ts';

/** The text chunks (each ending in a newline) a failed start writes to stderr, and the exit code. */
export function importFailure(
  error: StartError | undefined | null,
  target: string,
  layout: PythonLayout,
  /** the worker's number when `--reload` spawned it (its traceback starts with `Process SpawnProcess-N:`) */
  spawned: number | null = null,
): { text: string; exitCode: number } {
  const [module] = target.split(':');
  if (!error) return { text: '', exitCode: 1 };
  switch (error.kind) {
    case 'no-module':
      return {
        text: `${uvicornError(`Error loading ASGI app. Could not import module "${module}".`)}\n`,
        exitCode: releaseFor(layout.version).startupFailure,
      };
    case 'no-attribute':
      return {
        text: `${uvicornError(`Error loading ASGI app. Attribute "${error.attribute}" not found in module "${error.module}".`)}\n`,
        exitCode: releaseFor(layout.version).startupFailure,
      };
    case 'not-simulated':
      return { text: `${notSimulatedLine(gapFor(error.what), error.what)}\n`, exitCode: 1 };
    case 'no-python':
      return { text: `${notSimulatedLine(PYTHON_GAP.noPython, error.message)}\n`, exitCode: 1 };
    case 'traceback':
      return { text: uvicornImportTraceback(error.text, layout, spawned), exitCode: 1 };
  }
}

export function gapFor(what: string) {
  return /^the (standard library )?module /.test(what) ? PYTHON_GAP.module : PYTHON_GAP.construct;
}
