/**
 * Verdict speed: `explain` and `check` on typical pastes, in CPU ms (median of 51 after 3 warm-ups).
 * Parse time against input size, 1 to 10 MB, is parse-scale.ts.
 * Target: a full verdict for a typical paste in at most 5 ms.
 */
import { readFileSync } from 'node:fs';
import { check } from '../../src/core/checkers/index.ts';
import { explain } from '../../src/core/docker-output/index.ts';
import { cpuMedianMs } from './cpu-time.ts';
import type { BenchSection } from './section.ts';

const FIXTURES = new URL('../../tests/fixtures/docker-output/', import.meta.url);
const read = (name: string) => readFileSync(new URL(`${name}.txt`, FIXTURES), 'utf8');
const ms = (f: () => unknown) => cpuMedianMs(f, 51, 3).toFixed(2);

export async function run(): Promise<BenchSection> {
  const paste = read('pastes/ohmyzsh-run-ps-curl');
  const build = read('lab/build-app-edit-plain');
  return {
    title: 'Verdict speed (src/core/docker-output explain, src/core/checkers check)',
    columns: ['input', 'CPU ms (median)'],
    rows: [
      [`explain, a typical paste (${paste.length} B, 3 commands)`, ms(() => explain(paste))],
      [
        `check cached-rebuild, a full verdict (${build.length} B build paste)`,
        ms(() => check('cached-rebuild', { source: 'paste', text: build })),
      ],
      [
        `check app-reachable, a full verdict (${paste.length} B paste)`,
        ms(() => check('app-reachable', { source: 'paste', text: paste })),
      ],
    ],
    notes: [
      'target: a full verdict for a typical paste in at most 5 ms (CPU, median of 51 after 3 warm-ups)',
    ],
  };
}
