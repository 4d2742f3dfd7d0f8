/**
 * Every scenario on the real Docker Engine, through the real CLI. Its summary must equal the
 * checked-in one; `UPDATE_SCENARIOS=1` rewrites them from the engine instead, and keeps the raw
 * real output under recorded/ (real fixtures, usable by other tests). Run inside the
 * shared-engine lock:
 *   flock /tmp/layerwise-docker.lock -c 'npx vitest run --project docker tests/scenarios'
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from './load.ts';
import { dockerAnswers, runOnEngine } from './real-runner.ts';
import { summarize } from './summary.ts';

const available = dockerAnswers();
if (!available)
  console.warn('scenarios: no Docker Engine answers here; the real-engine scenarios are skipped');
const update = process.env['UPDATE_SCENARIOS'] === '1';
/** Beside every recorded real output: how it was captured. */
const RECORDED_WITH =
  'tests/scenarios/real-runner.ts on the lab engine: Docker CLI 28.2.2, Engine 20.10.24, buildx 0.13.1, curl 7.88.1; base image python:3.13-slim (lab stand-in)';

describe.skipIf(!available)('scenarios on the real engine', () => {
  it.each(loadScenarios().map((s) => [s.name, s] as const))('%s', (_, scenario) => {
    const records = runOnEngine(scenario);
    const actual = summarize(records);
    if (update) {
      writeFileSync(scenario.expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      writeFileSync(
        scenario.recordedPath,
        `${JSON.stringify({ source: RECORDED_WITH, records }, null, 2)}\n`,
      );
    } else expect(actual).toEqual(JSON.parse(readFileSync(scenario.expectedPath, 'utf8')));
  });
});
