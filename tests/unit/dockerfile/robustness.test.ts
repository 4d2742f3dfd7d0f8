/** Whatever the text, analyse and describe answer, within a time bound, with findings of the documented shape. */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpuNow } from '../cpu-clock.ts';
import {
  analyse,
  describe as describeDockerfile,
  MAX_CHARS,
  SEVERITY,
} from '../../../src/core/dockerfile/index.ts';
import { fixture, GOOD, projectFile } from './fixtures.ts';

/**
 * A real Dockerfile takes about a millisecond. One call may stall on garbage collection or a busy
 * CI machine, so single calls get a loose bound and each property run a tight bound on the mean.
 */
const BOUND_MS = 1000;
const MEAN_BOUND_MS = 20;
const BOUND_LARGE_MS = 3000;
const durations: number[] = [];

const REAL = [
  projectFile('content/workspace/solution/Dockerfile'),
  fixture('seed-post.Dockerfile'),
  fixture('seed-post-wrong-order.Dockerfile'),
  fixture('fastapi-docs.Dockerfile'),
  fixture('engine/shell.Dockerfile'),
  fixture('engine/badjson.Dockerfile'),
  GOOD.join('\n'),
];

function checkShape(text: string): void {
  const started = cpuNow();
  const findings = analyse(text);
  const summary = describeDockerfile(text);
  const elapsed = cpuNow() - started;
  const lines = text.split(/\r\n|\r|\n/).length;
  durations.push(elapsed);
  expect(elapsed).toBeLessThan(BOUND_MS);
  expect(typeof summary.recognized).toBe('boolean');
  for (const f of findings) {
    expect(Object.keys(SEVERITY)).toContain(f.id);
    expect(f.severity).toBe(SEVERITY[f.id as keyof typeof SEVERITY]);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.hint?.length).toBeGreaterThan(0);
    expect(Number.isInteger(f.line) && (f.line ?? 0) >= 1 && (f.line ?? 0) <= lines).toBe(true);
  }
}

/** Text built from the pieces Dockerfiles are made of, so the parser's odd corners get visited. */
const dockerish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'FROM',
        'RUN',
        'CMD',
        'COPY',
        'ADD',
        'WORKDIR',
        'EXPOSE',
        'ENV',
        'ARG',
        'ENTRYPOINT',
        'from',
        'AS',
        'ONBUILD',
        'HEALTHCHECK',
      ),
      fc.constantFrom(
        ' ',
        '\n',
        '\r\n',
        '\\\n',
        '\t',
        '[',
        ']',
        '"',
        "'",
        ',',
        '$',
        '${',
        '}',
        '#',
        '<<EOF\n',
        'EOF',
        '--',
        '=',
        '&&',
        ':',
        '/',
        '.',
      ),
      fc.constantFrom(
        'python:3.8',
        'uvicorn',
        'app.main:app',
        '--host',
        '127.0.0.1',
        '--port',
        '8000',
        'pip install',
        '-r',
        'fastapi',
        'dev',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

type Edit = { at: number; remove: number; insert: string };
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 12 }),
    insert: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('\\\n', '"', '[', '\u0000', '\r', '\n\n'),
    ),
  }),
  { minLength: 1, maxLength: 6 },
);

function mutate(text: string, changes: readonly Edit[]): string {
  return changes.reduce((t, { at, remove, insert }) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i + remove);
  }, text);
}

describe('never throws, answers in time', () => {
  beforeEach(() => {
    durations.length = 0;
  });
  afterEach(() => {
    if (durations.length > 0)
      expect(durations.reduce((a, b) => a + b, 0) / durations.length).toBeLessThan(MEAN_BOUND_MS);
  });

  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), checkShape), {
      numRuns: 400,
    });
  });

  it('on Dockerfile-like fragments', () => {
    fc.assert(fc.property(dockerish, checkShape), { numRuns: 600 });
  });

  it('on mutated real Dockerfiles', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), edits, (text, changes) =>
        checkShape(mutate(text, changes)),
      ),
      { numRuns: 600 },
    );
  });

  // Found by 'on Dockerfile-like fragments' (seed -1656200887): dockerfile-ast's variable resolver
  // overflowed the stack on an indented first instruction with a variable, before any FROM.
  it.each([' WORKDIR $!', '  ENV A=$B', '\tCOPY $X /y\nFROM python:3.14-slim'])(
    'on a variable in an indented line before FROM: %j',
    (text) => checkShape(text),
  );

  it.each<[string, string]>([
    ['one very long line', `RUN ${'x '.repeat((MAX_CHARS - 10) / 2)}`],
    [
      'thousands of continuation lines',
      `FROM python:3.13-slim\nRUN a \\\n${'  && b \\\n'.repeat((MAX_CHARS - 40) / 10)}`,
    ],
    [
      'thousands of instructions',
      `FROM python:3.13-slim\n${'COPY . .\n'.repeat((MAX_CHARS - 30) / 9)}`,
    ],
    [
      'an open quote to the end',
      `FROM python:3.13-slim\nCMD uvicorn "${'a'.repeat(MAX_CHARS - 50)}`,
    ],
  ])('on the largest input it reads: %s', (_label, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_CHARS);
    const started = cpuNow();
    const findings = analyse(text);
    describeDockerfile(text);
    expect(cpuNow() - started).toBeLessThan(BOUND_LARGE_MS);
    expect(Array.isArray(findings)).toBe(true);
  });
});
