/** The built-in backend: the simulated machine of src/core/sandbox, in this tab, offline. */
import { createSandbox, type Sandbox } from '../../core/sandbox/index.ts';
import { browserPythonRuntime } from '../python/browser-runtime.ts';
import type { WorkspaceBackend } from './backend.ts';
import { startsIn, type ProjectFiles } from './project-files.ts';

export interface SandboxBackend extends WorkspaceBackend {
  /** the machine itself: the WebContainer backend runs `docker` and `curl` on it */
  readonly sandbox: Sandbox;
}

export function createSandboxBackend(
  files: ProjectFiles,
  size: { cols: number; rows: number },
): SandboxBackend {
  // The sandbox's defaults are a virtual clock and a seeded rng: equal sessions give equal transcripts.
  const sandbox = createSandbox({
    files,
    cols: size.cols,
    rows: size.rows,
    python: browserPythonRuntime(),
    // fetched the first time a learner types `docker compose`
    yaml: () => import('yaml').then((m) => m.parseDocument),
    startIn: startsIn(files),
    // sleep waits for real here (setTimeout's longest delay is about 24.8 days)
    wait: (ms) => new Promise((done) => setTimeout(done, Math.min(ms, 2 ** 31 - 1))),
  });
  return {
    kind: 'sandbox',
    sandbox,
    write: (data) => sandbox.write(data),
    onOutput: (listener) => sandbox.onOutput(listener),
    resize: (cols, rows) => sandbox.resize(cols, rows),
    files: sandbox.fs,
    onOpenFile: (listener) => sandbox.onOpenFile(listener),
    onPreview: () => () => {},
    transcript: () => sandbox.transcript(),
    reset: (next) => sandbox.reset(next),
    dispose: () => sandbox.dispose(),
  };
}
