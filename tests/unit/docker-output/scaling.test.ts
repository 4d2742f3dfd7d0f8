/**
 * `parse` does work in proportion to its input (issue 12: linear to 10 MB), shown two ways on real
 * outputs grown 16x:
 * - counted, which no load can blur: how often the splitter and the block parsers read a line
 *   (through a counting proxy) must not grow per line with the input's size. A loop over the
 *   lines inside the loop over the lines (each `docker build --check` warning once looked for its
 *   description from the first line) reads 16x more per line at 16x the input.
 * - timed, for a blow-up no count sees (a regular expression or a string that grows with the
 *   input): CPU time of this process (cpu-clock.ts), never the wall clock, at 250 kB and 4 MB,
 *   under 8x linear. Generous on purpose: inside the test runner a linear parse measured up to
 *   70x (a 250 kB parse allocates too little to meet the garbage collector; a 4 MB one marks the
 *   runner's whole heap too, and a busy machine adds more), the quadratic check warnings 180x.
 *   `npm run bench` measures the growth in a process of its own (scripts/bench/parse-scale.ts).
 */
import { describe, expect, it } from 'vitest';
import { cpuNow } from '../cpu-clock.ts';
import { parse } from '../../../src/core/docker-output/index.ts';
import { splitBlocks } from '../../../src/core/docker-output/blocks.ts';
import { parseBlock } from '../../../src/core/docker-output/parse.ts';
import { screenLines, type ScreenLine } from '../../../src/core/text/index.ts';
import { fixture, fixtures } from './fixtures.ts';

const GROWTH = 16;

const sized = (text: string, bytes: number) =>
  text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);

/** A fixture whose lines after `from` (up to `to`, or its end) repeat to `bytes`: one long part. */
function oneLongPart(name: string, from: RegExp, to: RegExp | null, bytes: number): string {
  const lines = fixture(name).text.split('\n');
  const a = lines.findIndex((l) => from.test(l));
  const b = to ? lines.findIndex((l, i) => i > a && to.test(l)) : lines.length;
  if (a < 0 || b < 0) throw new Error(`${name} has no ${String(from)} … ${String(to)}`);
  const body = `${lines.slice(a + 1, b).join('\n')}\n`;
  return [...lines.slice(0, a + 1), sized(body, bytes), ...lines.slice(b)].join('\n');
}

const INPUTS: [string, (bytes: number) => string][] = [
  ['the legacy builder, repeated', (n) => sized(fixture('lab/build-first-legacy').text, n)],
  ['BuildKit plain, repeated', (n) => sized(fixture('lab/build-first-plain').text, n)],
  ['BuildKit tty bytes, repeated', (n) => sized(fixture('lab/build-first-tty-80').text, n)],
  [
    'one legacy RUN step printing it all',
    // Step 4's pip install: its output, not Step 2's empty one
    (n) =>
      oneLongPart(
        'lab/build-first-legacy',
        /^ ---> Running in c66362ea9575$/,
        /^Removing intermediate/,
        n,
      ),
  ],
  [
    'one build with its check warnings repeated',
    (n) => oneLongPart('lab/build-check-only', /^Check complete/, null, n),
  ],
  [
    'every lab fixture joined (every kind)',
    (n) =>
      sized(
        fixtures()
          .filter((f) => f.name.startsWith('lab/'))
          .map((f) => f.text)
          .join('\n$ docker ps\n'),
        n,
      ),
  ],
];

/** Lines whose every element read is counted. */
function counted(lines: ScreenLine[], reads: { n: number }): ScreenLine[] {
  return new Proxy(lines, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) reads.n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** Line reads per input line: the splitter's over the whole input, then each block parser's. */
function readsPerLine(text: string): number {
  const lines = screenLines(text);
  const reads = { n: 0 };
  for (const block of splitBlocks(counted(lines, reads)))
    parseBlock({ ...block, lines: counted(block.lines, reads) });
  return reads.n / lines.length;
}

/** The least CPU ms of `runs` parses: a busy machine only ever adds time. */
function parseMs(text: string, runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const started = cpuNow();
    parse(text);
    return cpuNow() - started;
  });
  return Math.min(...times);
}

describe('parse grows linearly with its input', () => {
  it.each(INPUTS)('%s: reads each line as often at 16x the input', (_, make) => {
    const small = readsPerLine(make(40_000));
    const large = readsPerLine(make(40_000 * GROWTH));
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThan(small * 1.25);
  });

  it.each(INPUTS)('%s: 16x the input in under 128x the CPU time', (_, make) => {
    const small = make(250_000);
    parse(small); // the JIT's first runs on this shape are not what is measured
    const ratio = parseMs(make(250_000 * GROWTH), 2) / Math.max(parseMs(small, 5), 0.5);
    expect(ratio).toBeLessThan(GROWTH * 8);
  });
});
