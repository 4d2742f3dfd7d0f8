/**
 * Parse time against input size: `parse` on 1, 2, 5 and 10 MB of real output, so the bench shows
 * the growth is linear (issue 12: 1 MB in at most 50 ms, linear to 10 MB). Three inputs: a BuildKit
 * and a legacy builder's log repeated (the legacy one goes through the terminal model: its `\r` and
 * colour codes), and a mixed paste (every lab fixture joined: builds, tables, logs, curl, tty
 * bytes), which exercises every block kind the splitter knows. Median of runs after warm-ups, in CPU time
 * (this process's user+system): on a shared 2-core machine other processes stretch wall time many
 * times over, while a blow-up in the parser still shows in full.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../src/core/docker-output/index.ts';
import { cpuMedianMs, sized } from './cpu-time.ts';
import type { BenchSection } from './section.ts';

const LAB = new URL('../../tests/fixtures/docker-output/lab/', import.meta.url);
const SIZES_MB = [1, 2, 5, 10];

function row(label: string, text: string): (string | number)[] {
  // Warm every path of the parser on this input first, so the 1 MB figure is not the JIT's.
  for (let i = 0; i < 3; i++) parse(sized(text, 2_000_000));
  const ms = SIZES_MB.map((mb) =>
    cpuMedianMs(() => parse(sized(text, mb * 1_000_000)), mb > 2 ? 3 : 7),
  );
  const perMb = ms.map((t, i) => t / SIZES_MB[i]!);
  // Linear: the time per MB at 10 MB within 1.5x of the time per MB at 1 MB.
  return [label, ...ms.map((t) => t.toFixed(1)), (perMb[3]! / perMb[0]!).toFixed(2)];
}

export async function run(): Promise<BenchSection> {
  const build = readFileSync(new URL('build-first-plain.txt', LAB), 'utf8');
  const legacy = readFileSync(new URL('build-first-legacy.txt', LAB), 'utf8');
  const mixed = readdirSync(LAB)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, LAB), 'utf8'))
    .join('\n$ docker ps\n');
  return {
    title: 'Parse time against input size (src/core/docker-output parse)',
    columns: ['input', '1 MB', '2 MB', '5 MB', '10 MB', 'ms/MB 10 MB ÷ 1 MB'],
    rows: [
      row('BuildKit plain build log, repeated', build),
      row('legacy builder log, repeated', legacy),
      row('every lab fixture joined (mixed kinds, tty bytes)', mixed),
    ],
    notes: [
      'CPU ms (user+sys of this process) per parse; target: 1 MB in at most 50 ms; linear: the last column (time per MB at 10 MB over 1 MB) near 1, at most 1.5',
      "median of 7 runs (1, 2 MB) or 3 runs (5, 10 MB) after warm-ups on 2 MB; figures move with the machine's load",
    ],
  };
}
