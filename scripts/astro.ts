/**
 * Runs the Astro CLI with its telemetry off: nothing leaves the learner's machine, not even usage data.
 * Usage: tsx scripts/astro.ts <astro arguments>
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function runAstro(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  const result = spawnSync(process.execPath, [bin, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runAstro(process.argv.slice(2)));
