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
import { dockerAnswers, engineVersions, runOnEngine } from './real-runner.ts';
import { summarize } from './summary.ts';

const available = dockerAnswers();
if (!available)
  console.warn('scenarios: no Docker Engine answers here; the real-engine scenarios are skipped');
const update = process.env['UPDATE_SCENARIOS'] === '1';
/** Beside every recorded real output: how it was captured. */
const RECORDED_WITH = available
  ? `tests/scenarios/real-runner.ts on the lab engine: ${engineVersions()}`
  : '';

describe.skipIf(!available)('scenarios on the real engine', () => {
  it.each(loadScenarios().map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const run = await runOnEngine(scenario);
    const actual = summarize(run);
    if (update) {
      writeFileSync(scenario.expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      writeFileSync(
        scenario.recordedPath,
        `${JSON.stringify({ source: RECORDED_WITH, ...run }, null, 2)}\n`,
      );
    } else expect(actual).toEqual(JSON.parse(readFileSync(scenario.expectedPath, 'utf8')));
  });
});
