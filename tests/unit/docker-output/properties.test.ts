/**
 * Whatever is pasted, parse and explain return (never throw) within a generous time, and keep to
 * the shape every caller relies on: random text, and real fixtures mutated the ways pastes go wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuNow } from '../cpu-clock.ts';
import { explain, parse } from '../../../src/core/docker-output/index.ts';
import { fixture, fixtures } from './fixtures.ts';

const texts = fixtures().map((f) => f.text);

function wellFormed(text: string): void {
  const started = cpuNow();
  const { parts, findings } = explain(text);
  expect(cpuNow() - started).toBeLessThan(2000);
  const lineCount = text.split('\n').length;
  expect(parts.length).toBeGreaterThan(0);
  for (const p of parts) {
    expect(p.lines[0]).toBeGreaterThanOrEqual(1);
    expect(p.lines[0]).toBeLessThanOrEqual(p.lines[1]);
    expect(p.lines[1]).toBeLessThanOrEqual(Math.max(1, lineCount));
  }
  for (const f of findings) expect(typeof f.message).toBe('string');
}

const MUTATIONS: Record<string, (t: string, r: number) => string> = {
  truncated: (t, r) => t.slice(0, Math.floor(t.length * r)),
  crlf: (t) => t.replaceAll('\n', '\r\n'),
  ansi: (t, r) =>
    t
      .split('\n')
      .map((l, i) =>
        (i * 7 + Math.floor(r * 10)) % 3 === 0 ? `\x1b[3${i % 8}m${l}\x1b[0m\x1b[K` : l,
      )
      .join('\n'),
  prompts: (t) =>
    t
      .split('\n')
      .map((l, i) => (i % 5 === 0 ? `user@laptop:~/demo$ ${l}` : l))
      .join('\n'),
  duplicated: (t, r) =>
    t
      .split('\n')
      .flatMap((l, i) => (i % Math.max(2, Math.floor(r * 9)) === 0 ? [l, l] : [l]))
      .join('\n'),
  carriageReturns: (t, r) =>
    t
      .split('\n')
      .map((l, i) => (i % 4 === 0 ? `${l.slice(0, Math.floor(l.length * r))}\r${l}` : l))
      .join('\n'),
  cursorUp: (t) =>
    t
      .split('\n')
      .map((l, i) => (i % 6 === 5 ? `\x1b[2A\x1b[0G${l}` : l))
      .join('\n'),
};

describe('parse and explain never throw', () => {
  it('on random text, including control characters and unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => wellFormed(s)),
      { numRuns: 300 },
    );
  });

  it('on random lines made of Docker-looking fragments', () => {
    const fragment = fc.constantFrom(
      '#1 ',
      '#12 [2/5] ',
      'CACHED',
      ' => ',
      'Step 1/3 : ',
      'STEP 2: ',
      'COMMIT x',
      '---> ',
      'ERROR: ',
      'docker: ',
      'curl: (7) ',
      'HTTP/1.1 200',
      'CONTAINER ID   IMAGE',
      'REPOSITORY   TAG',
      '0.0.0.0:8000->8000/tcp',
      '$ docker build .',
      '```',
      '\x1b[1A',
      '\r',
      'INFO:     Uvicorn running on http://0.0.0.0:8000',
      'Traceback (most recent call last):',
      '    ',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fragment, { maxLength: 6 }).map((a) => a.join('')),
          { maxLength: 60 },
        ),
        (lines) => wellFormed(lines.join('\n')),
      ),
      { numRuns: 300 },
    );
  });

  it.each(Object.keys(MUTATIONS))('on real fixtures, %s', (name) => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.double({ min: 0, max: 1, noNaN: true }), (t, r) =>
        wellFormed(MUTATIONS[name]!(t, r)),
      ),
      { numRuns: 150 },
    );
  });

  it('on 10 MB of real build output, in well under a second per MB', () => {
    const build = texts.find((t) => t.includes('#0 building with'))!;
    const big = build.repeat(Math.ceil(10_000_000 / build.length));
    const started = cpuNow();
    const parts = parse(big);
    expect(cpuNow() - started).toBeLessThan(10_000);
    expect(parts.length).toBeGreaterThan(1);
    expect(explain(big).parts.length).toBe(parts.length);
  });

  it("on a long log above a build's tail, which the tail claims as the failed step's output", () => {
    // What the RUN printed, repeated to 180,000 lines, then its traceback and the closing line:
    // the splitter once moved those lines with unshift(...lines), past the call stack's limit.
    const lines = fixture('public/legacy-dockerhub-autobuild-tail').text.split('\n');
    const traceback = lines.findIndex((l) => l.startsWith('Traceback'));
    const text = [
      ...Array.from({ length: 30_000 }, () => lines.slice(0, traceback)).flat(),
      ...lines.slice(traceback),
    ].join('\n');
    const parts = parse(text);
    expect(parts.map((p) => p.kind)).toEqual(['build']);
    expect(parts[0]!.lines[0]).toBe(1);
  });

  it('on empty and whitespace-only input, as one unknown part', () => {
    for (const t of ['', '\n\n', '   ', '\x00\x01\x02'])
      expect(parse(t).map((p) => p.kind)).toEqual(['unknown']);
  });
});
