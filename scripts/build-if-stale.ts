/** Builds dist/ when it is missing or older than anything it is built from. */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAstro } from './astro.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const STAMP = join(ROOT, 'dist', '.built-at');
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'ec.config.mjs', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    s.mtimeMs,
  );
}

/** `fresh`: dist/ is newer than every input; `builtBefore`: some build finished here once. */
export function siteState(): { fresh: boolean; builtBefore: boolean } {
  const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const sourcesAt = Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
  return { fresh: builtAt > sourcesAt, builtBefore: builtAt > 0 };
}

/** Written after a build that succeeded: what the next siteState() compares against. */
export function markBuilt(): void {
  writeFileSync(STAMP, new Date().toISOString());
}

export function buildIfStale(force = false): void {
  const { fresh, builtBefore } = siteState();
  if (!force && fresh) return;
  console.log(
    builtBefore
      ? 'layerwise: sources changed, rebuilding the site…'
      : 'layerwise: building the site (once)…',
  );
  const status = runAstro(['build']);
  if (status !== 0) {
    console.error('layerwise: the build failed; the messages above name the file and the field.');
    process.exit(status);
  }
  markBuilt();
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale(process.argv.includes('--force'));
