/** Builds dist/ when it is missing or older than anything it is built from. */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { basePath } from '../src/node/hosting/base-path.ts';
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

/** The stamp's text: when, and for which base path (LAYERWISE_BASE), dist/ was built. */
export const stampText = (base: string, at = new Date()) => `${at.toISOString()} ${base}`;
/** Whether a stamp (or none) says dist/ was built for this base. */
export const builtFor = (stamp: string | null, base: string) =>
  stamp !== null && stamp.trim().split(' ')[1] === base;

const envBase = () => basePath(process.env['LAYERWISE_BASE']);

/**
 * `fresh`: dist/ is newer than every input and was built for this base path; `builtBefore`: some
 * build finished here once.
 */
export function siteState(base = envBase()): { fresh: boolean; builtBefore: boolean } {
  const stamp = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : null;
  const builtAt = stamp !== null ? statSync(STAMP).mtimeMs : 0;
  const sourcesAt = Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
  return { fresh: builtAt > sourcesAt && builtFor(stamp, base), builtBefore: builtAt > 0 };
}

/** Written after a build that succeeded: what the next siteState() compares against. */
export function markBuilt(base = envBase()): void {
  writeFileSync(STAMP, stampText(base));
}

export function buildIfStale(force = false): void {
  const { fresh, builtBefore } = siteState();
  if (!force && fresh) return;
  console.log(
    builtBefore
      ? 'layerwise: sources changed (or another base path), rebuilding the site…'
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
