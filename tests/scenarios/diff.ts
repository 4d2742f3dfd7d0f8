/**
 * Shows where the simulator and the real engine disagree, line by line, for scenarios whose names
 * start with the given prefixes (all when none):  npx tsx tests/scenarios/diff.ts [NAME…]
 */
import { readFileSync } from 'node:fs';
import { loadScenarios } from './load.ts';
import { runInSimulator } from './sim-runner.ts';
import { summarize, type SummaryEntry } from './summary.ts';

const only = process.argv.slice(2);
for (const scenario of loadScenarios()) {
  if (only.length && !only.some((n) => scenario.name.startsWith(n))) continue;
  const expected = JSON.parse(readFileSync(scenario.expectedPath, 'utf8')) as SummaryEntry[];
  const actual = summarize(await runInSimulator(scenario));
  expected.forEach((want, i) => {
    const got = actual[i];
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    console.log(`\n=== ${scenario.name} #${i + 1}: ${want.command}`);
    const { text: wantText, ...wantMeaning } = want;
    const { text: gotText, ...gotMeaning } = got ?? { text: [] };
    if (JSON.stringify(wantMeaning) !== JSON.stringify(gotMeaning))
      console.log(
        `  meaning: real ${JSON.stringify(wantMeaning)}\n           sim  ${JSON.stringify(gotMeaning)}`,
      );
    const n = Math.max(wantText.length, gotText.length);
    for (let k = 0; k < n; k++)
      if (wantText[k] !== gotText[k])
        console.log(
          `  ${k + 1}: real ${JSON.stringify(wantText[k])}\n  ${k + 1}: sim  ${JSON.stringify(gotText[k])}`,
        );
  });
}
