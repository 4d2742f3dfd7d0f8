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

export function buildIfStale(force = false): void {
  const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const sourcesAt = Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
  if (!force && builtAt > sourcesAt) return;
  console.log(
    builtAt
      ? 'layerwise: sources changed, rebuilding the site…'
      : 'layerwise: building the site (once)…',
  );
  const status = runAstro(['build']);
  if (status !== 0) {
    console.error('layerwise: the build failed; the messages above name the file and the field.');
    process.exit(status);
  }
  writeFileSync(STAMP, new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale(process.argv.includes('--force'));
