/**
 * A page reaches the learner's Docker Engine one way only: local-engine.ts posts to the local
 * API's /api/verify. `.ci/run`'s no-engine browser pass reruns only tests/e2e/check-my-docker.spec.ts
 * on the strength of that, so both halves are held here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const mentioning = (list: string[], pattern: RegExp) =>
  list.filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));

describe('the one path from a page to the engine', () => {
  it('only src/islands/local-engine.ts reads the local API from the browser', () => {
    const browser = ['src/islands', 'src/components', 'src/pages', 'src/layouts'].flatMap((d) =>
      files(d, /\.(ts|astro)$/),
    );
    expect(mentioning(browser, /layerwise-local-api|\/api\/verify/)).toEqual([
      'src/islands/local-engine.ts',
    ]);
  });

  it('only tests/e2e/check-my-docker.spec.ts meets the local API in the browser tests', () => {
    expect(
      mentioning(
        files('tests/e2e', /\.ts$/),
        // the API's path, or a click on the button that calls it
        /\/api\/verify|Check my Docker['"]\s*\}\)\s*\.click/,
      ),
    ).toEqual(['tests/e2e/check-my-docker.spec.ts']);
  });
});
