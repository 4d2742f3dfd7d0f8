/** The `layerwise` bin works from a clone with no build step: node runs the TypeScript through tsx. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scaled } from '../../machine-pace.ts';

// a limit for an idle machine, scaled for this one (tests/machine-pace.ts)
const RUN_LIMIT = scaled(30_000);

const BIN = new URL('../../../bin/layerwise.mjs', import.meta.url).pathname;

it(
  'runs `layerwise check` from the bin, reading stdin, with the exit code of the verdict',
  () => {
    const input = readFileSync(
      new URL('../../fixtures/docker-output/lab/build-first-plain.txt', import.meta.url),
    );
    const r = spawnSync(process.execPath, [BIN, 'check', 'first-build'], {
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('All 3 checks passed.');
    expect(r.status).toBe(0);
  },
  RUN_LIMIT,
);
