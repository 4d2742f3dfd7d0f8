/**
 * One judge for builds (review P4): the same build, pasted and read from the engine that ran it,
 * gets the same checks in the same words. tests/fixtures/engine/ holds both: build-1.txt and
 * build-2.txt are the CLI's output of the two builds whose images the *-inspect.json files are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';
import type { HttpProbe, Verdict } from '../../../src/core/evidence.ts';
import { judgeVersion } from '../../../src/node/engine/engine-version.ts';
import type { RawVersion } from '../../../src/node/engine/reader.ts';
import { takeSnapshot } from '../../../src/node/engine/snapshot.ts';
import { fixture, fixtureReader, type FixtureEngine } from '../engine/fixture-reader.ts';

const judged = judgeVersion(fixture<RawVersion>('version.json'));
if ('problem' in judged) throw new Error('the captured engine must pass the version floor');
const { engine: capturedEngine } = judged;

const pasted = (exercise: string, file: string) =>
  check(exercise, {
    source: 'paste',
    text: readFileSync(new URL(`../../fixtures/engine/${file}`, import.meta.url), 'utf8'),
  });

async function fromEngine(
  exercise: string,
  engine: FixtureEngine = {},
  previous: string | null = null,
) {
  const snapshot = await takeSnapshot(fixtureReader(engine), capturedEngine, {
    image: 'demo-image:latest',
    previous,
    probe: async () => [] as HttpProbe[],
  });
  return check(exercise, { source: 'engine', snapshot });
}

const ids = (v: Verdict) => v.checks.map((c) => `${c.id} ${c.ok ? '✓' : '✗'}`);
/** A message with the step's name taken out: `[4/5] RUN …` in output, `“RUN …”` for a layer. */
const words = (v: Verdict, id: string) =>
  v.checks
    .find((c) => c.id === id)
    ?.message.replace(/^\[\d+\/\d+\] /, '')
    .replace(/[“”]/g, '');

describe('the same build, pasted and read from the engine', () => {
  it('cached-rebuild: the install from the cache, the code copied again, in the same words', async () => {
    const paste = pasted('cached-rebuild', 'build-2.txt');
    const engine = await fromEngine('cached-rebuild');
    expect(ids(paste)).toEqual(['build-succeeded ✓', 'install-cached ✓', 'source-rebuilt ✓']);
    expect(ids(engine)).toEqual([
      'build-succeeded ✓',
      'previous-build ✓',
      'install-cached ✓',
      'source-rebuilt ✓',
    ]);
    for (const id of ['install-cached', 'source-rebuilt'])
      expect(words(engine, id)).toBe(words(paste, id));
    expect(words(engine, 'install-cached')).toBe(
      'RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt came from the cache: the dependencies were not installed again.',
    );
  });

  it('first-build: what only each source can tell is a check of its own', async () => {
    const paste = pasted('first-build', 'build-1.txt');
    const engine = await fromEngine('first-build');
    expect(ids(paste)).toEqual(['build-succeeded ✓', 'tagged ✓', 'steps-reported ✓']);
    expect(ids(engine)).toEqual(['build-succeeded ✓', 'tagged ✓', 'image-config ✓']);
    expect(words(engine, 'tagged')).toBe(words(paste, 'tagged'));
  });
});

describe('the engine side of the build judge', () => {
  it('an image compared with itself: nothing in the copied code changed', async () => {
    const v = await fromEngine('cached-rebuild', {}, 'demo-image:latest');
    expect(ids(v)).toEqual([
      'build-succeeded ✓',
      'previous-build ✓',
      'install-cached ✓',
      'source-rebuilt ✗',
    ]);
    expect(words(v, 'source-rebuilt')).toBe(
      'COPY ./app /demo/app came from the cache: nothing in the copied code changed since the last build.',
    );
  });

  it('no build before it: nothing to compare, and the rest is not judged', async () => {
    const v = await fromEngine('cached-rebuild', { images: ['current'] });
    expect(ids(v)).toEqual([
      'build-succeeded ✓',
      'previous-build ✗',
      'install-cached ✗',
      'source-rebuilt ✗',
    ]);
    expect(v.checks[2]?.message).toBe(
      'The dependency install step was not checked: there is no earlier build to compare with.',
    );
  });

  it('no image: the build is missing, and the rest is not judged', async () => {
    const v = await fromEngine('first-build', { images: [] });
    expect(v.checks.map((c) => c.message)).toEqual([
      'There is no image tagged demo-image:latest on your Docker Engine.',
      'The image’s name was not checked: the image is missing.',
      'The image’s configuration was not checked: the image is missing.',
    ]);
  });
});
