/**
 * Parse speed: `parse` on 1 MB and 10 MB of real build output (a lab fixture repeated), median of
 * several runs, the growth from 1 to 10 MB, and `explain` on a typical paste.
 * Targets: 1 MB in at most 50 ms (median); 10x the input in at most 12x the time.
 */
import { readFileSync } from 'node:fs';
import { check } from '../../src/core/checkers/index.ts';
import { explain, parse } from '../../src/core/docker-output/index.ts';
import { median, type BenchSection } from './section.ts';

const FIXTURES = new URL('../../tests/fixtures/docker-output/', import.meta.url);
const read = (name: string) => readFileSync(new URL(`${name}.txt`, FIXTURES), 'utf8');

function timeMs(f: () => unknown, runs: number): number {
  // Warm-up: JIT tiers and regex compilation are not what we measure.
  for (let i = 0; i < 3; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    times.push(performance.now() - started);
  }
  return median(times);
}

const sized = (text: string, bytes: number) =>
  text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);

export async function run(): Promise<BenchSection> {
  const rows: (string | number)[][] = [];
  const inputs: [string, string][] = [
    ['BuildKit plain', read('lab/build-first-plain')],
    ['BuildKit tty (raw pseudo-terminal bytes)', read('lab/build-first-tty-80')],
    ['legacy builder', read('lab/build-first-legacy')],
  ];
  for (const [label, text] of inputs) {
    const mb = sized(text, 1_000_000);
    const tenMb = sized(text, 10_000_000);
    const one = timeMs(() => parse(mb), 15);
    const ten = timeMs(() => parse(tenMb), 7);
    rows.push([label, one.toFixed(1), ten.toFixed(1), (ten / one).toFixed(2)]);
  }
  const paste = read('pastes/ohmyzsh-run-ps-curl');
  rows.push([
    `explain, a typical paste (${paste.length} B, 3 commands)`,
    timeMs(() => explain(paste), 51).toFixed(2),
    '',
    '',
  ]);
  const build = read('lab/build-app-edit-plain');
  rows.push([
    `check cached-rebuild, a full verdict (${build.length} B build paste)`,
    timeMs(() => check('cached-rebuild', { source: 'paste', text: build }), 51).toFixed(2),
    '',
    '',
  ]);
  rows.push([
    `check app-reachable, a full verdict (${paste.length} B paste)`,
    timeMs(() => check('app-reachable', { source: 'paste', text: paste }), 51).toFixed(2),
    '',
    '',
  ]);
  return {
    title: 'Parse and verdict speed (src/core/docker-output, src/core/checkers)',
    columns: ['input', '1 MB ms (median)', '10 MB ms (median)', '10 MB / 1 MB'],
    rows,
    notes: [
      'target: 1 MB of build output in at most 50 ms (median of 15 runs after 3 warm-ups; 10 MB: median of 7)',
      "target: growth 10 MB / 1 MB at most 12 (linear); figures move with the machine's load",
      'target: a full verdict for a typical paste in at most 5 ms (the ms column, median of 51)',
    ],
  };
}
