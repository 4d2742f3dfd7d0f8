/**
 * The traceback `uvicorn app.main:app` prints when the app fails to import: Uvicorn's and
 * click's own frames (recorded on the lab, uvicorn-frames.ts), then what CPython in the browser
 * raised from `importlib.import_module` on. The lab's images keep Python in Debian's places
 * (/usr/bin, /usr/lib/python3/dist-packages, /usr/lib/python3.X); they are moved to the places
 * of the environment that runs it (the official image's /usr/local, or the learner's venv).
 */
import { UVICORN_FRAMES, type UvicornFrames } from './uvicorn-frames.ts';
import type { PythonLayout } from '../python/layout.ts';

const LAB = { bin: '/usr/bin', sitePackages: '/usr/lib/python3/dist-packages' };
const LAB_STDLIB = /"\/usr\/lib\/python3\.\d+\//g;
const IMPORTER_CALL = '  File "/usr/lib/python3/dist-packages/uvicorn/importer.py", line 19,';

/** The recorded frames for this Python (3.13 and 3.14 were recorded; others borrow 3.14's). */
export function framesFor(version: string): UvicornFrames {
  return UVICORN_FRAMES[version] ?? UVICORN_FRAMES['3.14']!;
}

/**
 * `browser`: the traceback CPython in the browser formatted, from `importlib.import_module` on
 * (the sandbox's own frames removed, packages already at `layout.sitePackages`). `spawned`: the
 * worker's number when `--reload` started it.
 */
export function uvicornImportTraceback(
  browser: string,
  layout: PythonLayout,
  spawned: number | null = null,
): string {
  const frames = framesFor(layout.version);
  const body = scriptTraceback(browser, layout)
    .replace(/^Traceback \(most recent call last\):\n/, '')
    .replace(
      /(File "<frozen [^>]+>", line )(\d+)(, in )(\w+)/g,
      (all, a: string, line: string, b: string, fn: string) => {
        const mapped = frames.frozen[`${fn}:${line}`];
        return mapped === undefined ? all : `${a}${mapped}${b}${fn}`;
      },
    );
  const reraised = /\nModuleNotFoundError: [^\n]*\n$/.test(body);
  const head = (text: string) =>
    reraised ? text.replace(IMPORTER_CALL, frames.reraise + IMPORTER_CALL) : text;
  return spawned === null
    ? relocate(head(frames.cli), layout) + body
    : `Process SpawnProcess-${spawned}:\n${relocate(head(frames.worker), layout)}${body}`;
}

/** A traceback CPython printed for a script (`python app/main.py`): only the standard library's place differs. */
export function scriptTraceback(browser: string, layout: PythonLayout): string {
  return browser.replace(/"\/lib\/python3\d+\.zip\//g, `"${layout.stdlib}/`);
}

function relocate(text: string, layout: PythonLayout): string {
  return text
    .replace(LAB_STDLIB, `"${layout.stdlib}/`)
    .split(`"${LAB.bin}/`)
    .join(`"${layout.bin}/`)
    .split(`"${LAB.sitePackages}/`)
    .join(`"${layout.sitePackages}/`);
}
