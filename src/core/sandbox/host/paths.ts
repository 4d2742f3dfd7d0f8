/** POSIX path helpers for the virtual file systems (no Node `path` in the core). */
import { baseName, normalizePath, resolvePath as resolveAgainst } from '../../dockerfile/paths.ts';

/** `/a/./b/../c/` → `/a/c` (the Dockerfile analyser's helpers: one set of path rules for the core). */
export const normalize = normalizePath;
export const basename = baseName;

/** `path` made absolute against `cwd`, with `~` meaning `home`. */
export function resolvePath(cwd: string, path: string, home = '/'): string {
  if (path === '~' || path.startsWith('~/')) return normalize(home + path.slice(1));
  return resolveAgainst(cwd, path);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return path.startsWith('/') ? '/' : '.';
  return path.slice(0, i);
}

/** `path` relative to `base` when it lies inside it, else null. */
export function relativeTo(base: string, path: string): string | null {
  if (path === base) return '';
  const prefix = base === '/' ? '/' : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}

/** `/home/learner/demo` shown as `~/demo` when under home. */
export function tildify(path: string, home: string): string {
  const rel = relativeTo(home, path);
  if (rel === null) return path;
  return rel === '' ? '~' : `~/${rel}`;
}
