/**
 * `npm test`: every test. The type check, units and real-engine tests (Vitest), then the production
 * build, then the browser tests (Playwright) against it. To run a subset, call `npx vitest` or
 * `npx playwright test` directly.
 */
import { spawnSync } from 'node:child_process';
import { buildIfStale } from './build-if-stale.ts';

const run = (label: string, args: string[]) => {
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return r.status ?? 1;
};

const bin = (pkg: string) => new URL(`../node_modules/${pkg}`, import.meta.url).pathname;

const failures: string[] = [];
if (
  run('type check (astro check: .ts and .astro files, strictest)', [
    bin('astro/bin/astro.mjs'),
    'check',
  ]) !== 0
)
  failures.push('astro check');
if (run('unit and real-engine tests (vitest)', [bin('vitest/vitest.mjs'), 'run']) !== 0)
  failures.push('vitest');
console.log('\n━━ production build ━━');
buildIfStale(true);
if (run('browser tests (playwright)', [bin('@playwright/test/cli.js'), 'test']) !== 0)
  failures.push('playwright');

if (failures.length) {
  console.error(`\nlayerwise: failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nlayerwise: all tests passed');
