/** What the lessons read from their captured builds: the steps (through the course's parser) and the timings they quote. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUTS } from '../../scripts/capture-outputs/outputs.ts';
import { parse } from '../../src/core/docker-output/index.ts';
import { stepSeconds, ttyBuildSeconds } from '../../src/content/build-timings.ts';

const read = (file: string) => readFileSync(join(OUTPUTS, file), 'utf8');
const steps = (file: string) =>
  parse(read(file)).flatMap((p) => (p.kind === 'build' ? p.build.steps : []));

describe('the captured builds, as the parser reads them', () => {
  it.each([
    ['build-first.txt', []],
    ['build-first-plain.txt', []],
    ['build-cached.txt', ['2/5', '3/5', '4/5']],
    ['build-reverted.txt', ['2/5', '3/5', '4/5', '5/5']],
    ['build-wrong-order.txt', ['2/5']],
  ])('%s: cached %j', (file, cached) => {
    expect(steps(file).map((s) => `${s.index}/${s.total}`)).toEqual([
      '1/5',
      '2/5',
      '3/5',
      '4/5',
      '5/5',
    ]);
    expect(
      steps(file)
        .filter((s) => s.cached)
        .map((s) => `${s.index}/${s.total}`),
    ).toEqual(cached);
  });

  it('reads a failed build up to the failing step', () => {
    expect(steps('trouble-copy-ignored.txt').map((s) => `${s.index}/${s.total}`)).toEqual([
      '1/5',
      '2/5',
      '3/5',
    ]);
  });
});

describe('timings quoted in the lessons', () => {
  it("reads a step's seconds from tty and plain output, and the whole build's from the tty header", () => {
    expect(stepSeconds(read('build-first.txt'), 'RUN pip')).toBeGreaterThan(0);
    expect(stepSeconds(read('build-first-plain.txt'), 'RUN pip')).toBeGreaterThan(0);
    expect(stepSeconds(read('build-cached.txt'), 'RUN nothing')).toBeNull();
    expect(ttyBuildSeconds(read('build-first.txt'))).toBeGreaterThan(0);
    expect(ttyBuildSeconds(read('build-first-plain.txt'))).toBeNull();
  });
});
