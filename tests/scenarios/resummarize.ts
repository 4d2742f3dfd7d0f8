/**
 * Rewrites expected/ from recorded/ (the real engine's raw output, kept by the last
 * `UPDATE_SCENARIOS=1` run) after a change to summary.ts or normalise.ts, without the engine:
 *   npx tsx tests/scenarios/resummarize.ts [NAME…]
 * A changed scenario script still needs a real recording (UPDATE_SCENARIOS=1 under the lock).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadScenarios } from './load.ts';
import { summarize, type RecordedRun } from './summary.ts';

const only = process.argv.slice(2);
for (const scenario of loadScenarios()) {
  if (only.length && !only.some((n) => scenario.name.startsWith(n))) continue;
  if (!existsSync(scenario.recordedPath)) {
    console.warn(`${scenario.name}: no recording; record it on the engine first`);
    continue;
  }
  const run = JSON.parse(readFileSync(scenario.recordedPath, 'utf8')) as RecordedRun;
  const recorded = run.records.map((r) => r.command);
  if (JSON.stringify(recorded) !== JSON.stringify(scenario.commands)) {
    console.warn(`${scenario.name}: the script changed since it was recorded; record it again`);
    continue;
  }
  writeFileSync(scenario.expectedPath, `${JSON.stringify(summarize(run), null, 2)}\n`);
}
