/**
 * Captures the real Docker/curl output fixtures of tests/fixtures/docker-output/lab.
 * The engine is shared: run each section inside the lock, e.g.
 *   for s in builds shapes errors runs sessions starts failures compose engine; do flock /tmp/layerwise-docker.lock npx tsx scripts/capture-fixtures/capture.ts $s; done
 * Every container a section creates is removed before it returns; demo-image:latest is put back.
 * Then: `npx tsx scripts/capture-fixtures/pastes.ts` (pastes built from these) and
 * `npx tsx scripts/capture-fixtures/expect.ts` (expected explanations; read every diff).
 */
import { sh } from './lab.ts';
import { captureBuilds, captureShapes } from './build.ts';
import { captureBuildErrors } from './build-errors.ts';
import { captureRuns } from './run.ts';
import { captureCompose } from './compose.ts';
import { captureEngineInfo } from './engine-info.ts';
import { captureSessions } from './sessions.ts';
import { captureStarts } from './starts.ts';
import { captureFailures } from './failures.ts';
import { captureContainerdStore } from './stores.ts';

const SECTIONS: Record<string, () => void> = {
  builds: captureBuilds,
  shapes: captureShapes,
  errors: captureBuildErrors,
  runs: captureRuns,
  sessions: captureSessions,
  starts: captureStarts,
  failures: captureFailures,
  compose: captureCompose,
  engine: captureEngineInfo,
  // only with the lab switched to the containerd store, inside the same lock hold (stores.ts)
  containerd: captureContainerdStore,
};

const containers = () => new Set(sh('docker ps -aq --no-trunc').out.split('\n').filter(Boolean));

for (const name of process.argv.slice(2)) {
  const section = SECTIONS[name];
  if (!section)
    throw new Error(`no section ${name}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  const before = containers();
  try {
    section();
  } finally {
    // The legacy builder leaves the container of a failed RUN behind; nobody else runs inside the lock.
    const left = [...containers()].filter((id) => !before.has(id));
    if (left.length) sh(`docker rm -f ${left.join(' ')} >/dev/null`);
  }
}
