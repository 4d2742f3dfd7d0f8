/**
 * Hostile input for everything that reads pasted or logged text (security audit 2026-12, F2 and
 * F4): escape sequences with huge counts, cursor staircases, pathological lines and random bytes,
 * fed to the terminal model, `parse`/`explain`, a checker and `analyse`. Each input must be
 * answered without an exception, within a time bound and a memory bound.
 *
 * Time is this process's CPU time (cpu-clock.ts), bounded by a multiple of what this machine takes
 * for a megabyte of ordinary build output (measured first), so a busy or slow machine is not a
 * failure while a blow-up (the audit measured 14 s for a 14-byte paste) still is. The screen's
 * size is also bounded exactly, which no load can blur.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuNow } from './cpu-clock.ts';
import { check } from '../../src/core/checkers/index.ts';
import { explain, parse } from '../../src/core/docker-output/index.ts';
import { analyse, MAX_CHARS } from '../../src/core/dockerfile/index.ts';
import { screenLines } from '../../src/core/text/index.ts';
import { fixtures } from './docker-output/fixtures.ts';

const MB = 1 << 20;
const ESC = '\x1b';

/** ms this machine takes to parse 1 MB of real BuildKit output: the unit of every time bound. */
let unitMs = 0;
beforeAll(() => {
  const build = fixtures().find((f) => f.text.includes('#0 building with'))!.text;
  const mb = build.repeat(Math.ceil(MB / build.length)).slice(0, MB);
  const runs = [0, 1, 2].map(() => {
    const started = cpuNow();
    parse(mb);
    return cpuNow() - started;
  });
  unitMs = Math.max(20, Math.min(...runs));
});

/** Ordinary input runs at about 1 unit per MB; a blow-up runs at hundreds. */
const boundMs = (bytes: number) => 25 * unitMs * Math.max(bytes / MB, 1 / 16);

/** What the emulated screen may hold: a small multiple of the input, never its square. */
function expectBoundedScreen(input: string): void {
  const lines = screenLines(input);
  const newlines = input.split('\n').length;
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  expect(lines.length).toBeLessThanOrEqual(newlines + 1000);
  expect(chars).toBeLessThanOrEqual(64 * input.length + 4 * MB);
}

function expectAnswered(input: string): void {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = cpuNow();
  const explained = explain(input);
  const verdict = check('first-build', { source: 'paste', text: input });
  const findings = analyse(input);
  const lines = screenLines(input);
  const elapsed = cpuNow() - started;
  // Held until here, so what the readers built is still counted.
  const grown = process.memoryUsage().heapUsed - heapBefore;
  expect(explained.parts.length).toBeGreaterThan(0);
  expect(['pass', 'fail', 'unrecognized']).toContain(verdict.status);
  expect(Array.isArray(findings)).toBe(true);
  expect(lines.length).toBeGreaterThan(0);
  expect(elapsed, `${elapsed.toFixed(0)} ms for ${input.length} chars`).toBeLessThan(
    boundMs(input.length) * 4,
  );
  expect(grown).toBeLessThan(256 * MB + 32 * input.length);
}

describe('F2: cursor movement with huge counts (the audit reproductions)', () => {
  it.each([
    ['cursor forward 999999999, then a character', `${ESC}[999999999Cx\n`],
    ['cursor to column 999999999', `${ESC}[999999999Gx\n`],
    ['cursor down 1000000', `${ESC}[1000000Bx\n`],
    ['cursor down 100000000', `${ESC}[100000000Bx\n`],
    ['next line 100000000', `${ESC}[100000000Ex\n`],
    ['a count past 2^53', `${ESC}[${'9'.repeat(40)}Bx${ESC}[${'9'.repeat(40)}Cy\n`],
    ['a staircase of 40 000 steps', `x${ESC}[1B`.repeat(40_000)],
    ['a staircase that also steps right', `x${ESC}[1B${ESC}[4000C`.repeat(20_000)],
    ['a long line redrawn from its start', `${'a'.repeat(300_000)}${'\rb'.repeat(100_000)}`],
  ])('%s: answered quickly, with a bounded screen', (_, input) => {
    expectBoundedScreen(input);
    expectAnswered(input);
  });
});

describe('F4: trailing blanks on a long Dockerfile line', () => {
  it.each([
    ['spaces', ' '],
    ['tabs', '\t'],
    ['mixed', ' \t'],
  ])('%s up to MAX_CHARS, then a character', (_, blank) => {
    const head = 'FROM python:3.13-slim\nRUN';
    const text = `${head}${blank.repeat((MAX_CHARS - head.length - 10) / blank.length)}x\n`;
    const started = cpuNow();
    analyse(text);
    expect(cpuNow() - started).toBeLessThan(boundMs(text.length));
  });
});

/** Pieces of hostile terminal output, joined at random. */
const count = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.constantFrom(999, 4096, 65_535, 1_000_000, 100_000_000, 999_999_999, 2 ** 31),
);
const csi = fc
  .tuple(count, fc.constantFrom(...'ABCDEFGHJKSTmsu'), fc.constantFrom('', '?', ';1'))
  .map(
    ([n, final, extra]) =>
      `${ESC}[${extra.startsWith('?') ? '?' : ''}${n}${extra.startsWith(';') ? extra : ''}${final}`,
  );
const piece = fc.oneof(
  { weight: 4, arbitrary: csi },
  { weight: 3, arbitrary: fc.constantFrom('x', 'abc', '#1 [2/5] RUN pip install', 'CACHED', ' ') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\n',
      '\r',
      '\r\n',
      '\b',
      '\t',
      '\x00',
      ESC,
      `${ESC}[`,
      `${ESC}]0;t\x07`,
      `${ESC}]8;;`,
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
/** A unit repeated: how staircases and redraw storms are made. */
const storm = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 20_000 }))
  .map(([unit, times]) => unit.join('').repeat(times).slice(0, 200_000));
const bytes = fc.uint8Array({ maxLength: 4096 }).map((a) => String.fromCharCode(...a));
/** Lines the regular expressions of the readers might backtrack on. */
const pathological = fc
  .tuple(
    fc.constantFrom(' ', '\t', '#1 ', '=', '-', ':', '/', '"', '[', '\\', '0', 'a '),
    fc.integer({ min: 1, max: 30_000 }),
    fc.constantFrom('x', '', '\n', '\\\n', '"', ']', '->8000/tcp', ' --port'),
    fc.constantFrom(
      '',
      'RUN ',
      'FROM python:3.13-slim\nRUN ',
      'CONTAINER ID   IMAGE\n',
      '$ docker build .\n',
    ),
  )
  .map(([unit, times, tail, head]) => `${head}${unit.repeat(times)}${tail}`);

describe('fuzz: never throws, bounded time and memory', () => {
  it('on random hostile terminal output', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const input = pieces.join('');
        expectBoundedScreen(input);
        expectAnswered(input);
      }),
      { numRuns: 200 },
    );
  });

  it('on repeated units (staircases, redraw storms)', () => {
    fc.assert(
      fc.property(storm, (input) => {
        expectBoundedScreen(input);
        expectAnswered(input);
      }),
      { numRuns: 40 },
    );
  });

  it('on pathological lines and random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(pathological, bytes), (input) => expectAnswered(input)),
      { numRuns: 60 },
    );
  });

  it.each([
    ['a staircase', `x${ESC}[1B`],
    ['huge cursor moves', `${ESC}[999999999Cx${ESC}[100000000B`],
    ['redraws of one row', `\r${ESC}[2K#5 [3/5] RUN pip install 1.2s`],
    ['newlines', '\n'],
    ['BuildKit step markers', '#1 \n'],
    ['blank runs', `${' '.repeat(4095)}x\n`],
    [
      'random bytes',
      String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    ],
  ])('on 1 MB of %s', (_, unit) => {
    const input = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    expectBoundedScreen(input);
    expectAnswered(input);
  });
});
