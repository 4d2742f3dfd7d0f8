/**
 * Runs the Astro CLI with its telemetry off: nothing leaves the learner's machine, not even usage data.
 * Usage: tsx scripts/astro.ts <astro arguments>
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The node arguments and environment that run `astro ARGS`; runAstro and the start's progress share it. */
export function astroCommand(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { argv: string[]; env: NodeJS.ProcessEnv } {
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  return { argv: [bin, ...args], env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' } };
}

export function runAstro(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const command = astroCommand(args, env);
  const result = spawnSync(process.execPath, command.argv, { stdio: 'inherit', env: command.env });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runAstro(process.argv.slice(2)));
