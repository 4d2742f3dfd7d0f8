/**
 * The `layerwise` bin: it runs the compiled CLI (dist-cli/, built by `npm install` and again when a
 * source is newer), and still runs from the TypeScript sources through tsx when asked or when it
 * cannot compile, so a clone works with no build step.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { scaled } from '../../machine-pace.ts';

// a limit for an idle machine, scaled for this one (tests/machine-pace.ts)
const RUN_LIMIT = scaled(30_000);

const BIN = new URL('../../../bin/layerwise.mjs', import.meta.url).pathname;
const input = readFileSync(
  new URL('../../fixtures/docker-output/lab/build-first-plain.txt', import.meta.url),
);

function run(env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, 'check', 'first-build'], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

it(
  'runs `layerwise check` from the compiled CLI, reading stdin, with the exit code of the verdict',
  () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('All 3 checks passed.');
    expect(r.status).toBe(0);
    const stamp = JSON.parse(
      readFileSync(new URL('../../../dist-cli/inputs.json', import.meta.url), 'utf8'),
    );
    expect(stamp.inputs).toContain('src/node/cli/main.ts');
  },
  RUN_LIMIT,
);

it(
  'runs the same command from the TypeScript sources through tsx',
  () => {
    const r = run({ LAYERWISE_FROM_SOURCE: '1' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('All 3 checks passed.');
    expect(r.status).toBe(0);
  },
  RUN_LIMIT,
);
