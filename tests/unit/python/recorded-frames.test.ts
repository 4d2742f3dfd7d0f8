/**
 * What the sandbox keeps of the real recordings stays true to them: Uvicorn's frames and exit
 * codes (uvicorn-frames.ts) against tests/fixtures/python/real, and the download size the
 * loading message announces against the Pyodide files and the start-up snapshot the site serves.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UVICORN_FRAMES } from '../../../src/core/sandbox/app/uvicorn-frames.ts';
import { releaseFor } from '../../../src/core/sandbox/app/releases.ts';
import { PYODIDE_DOWNLOAD_BYTES } from '../../../src/islands/python/browser-runtime.ts';
import { PYODIDE_FILES } from '../../../src/node/python/pyodide-files.ts';
import { pyodideDir } from '../../../src/node/python/pyodide-runtime.ts';
import { snapshotFile } from '../../../src/node/python/pyodide-snapshot.ts';
import { LOAD_TIMEOUT, recording } from './real-python.ts';

describe.each([
  ['3.14', '3.14-slim'],
  ['3.13', '3.13-slim'],
])('Uvicorn on Python %s, as recorded on %s', (version, tag) => {
  const frames = UVICORN_FRAMES[version]!;
  it('the CLI frames open every import traceback', () => {
    for (const app of ['errors-syntax', 'errors-name'])
      expect(recording(tag, `${app}-detached`).stderr.startsWith(frames.cli)).toBe(true);
  });
  it('a re-raised ModuleNotFoundError adds the importer frame', () => {
    expect(recording(tag, 'errors-module-detached').stderr).toContain(frames.reraise);
  });
  it('a --reload worker has the spawn frames', () => {
    expect(recording(tag, 'reload').stderr).toContain(`Process SpawnProcess-3:\n${frames.worker}`);
  });
  it('a missing module or attribute exits with the recorded code', () => {
    expect(recording(tag, 'missing-attribute').exitCode).toBe(releaseFor(version).startupFailure);
    expect(recording(tag, 'missing-module').exitCode).toBe(releaseFor(version).startupFailure);
  });
  it('the FastAPI release is the recorded one', () => {
    expect(recording(tag, 'handlers').versions).toContain(
      `fastapi           ${releaseFor(version).fastapi}`,
    );
  });
});

it(
  'the loading message announces what the first start downloads (gzip), within 5 %',
  async () => {
    const bytes =
      PYODIDE_FILES.filter((f) => f !== 'pyodide-lock.json')
        .map((f) => gzipSync(readFileSync(join(pyodideDir(), f)), { level: 9 }).length)
        .reduce((a, b) => a + b, 0) + statSync(await snapshotFile()).size; // gzipped already
    expect(Math.abs(bytes - PYODIDE_DOWNLOAD_BYTES) / bytes).toBeLessThan(0.05);
  },
  LOAD_TIMEOUT, // the snapshot is made if no cached one matches (a Python start)
);
