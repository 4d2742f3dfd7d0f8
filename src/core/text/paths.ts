/**
 * POSIX paths, for the image's files (WORKDIR, COPY) and the sandbox's file systems. Tiny on
 * purpose: `node:path` is not available in core.
 */

/** `/demo/./app/../x/` → `/demo/x`; relative input stays relative. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/**
 * Resolves `path` against the directory `base` (absolute), as WORKDIR and COPY destinations do.
 * Given a `home`, `~` and `~/…` mean it, as in a shell; a Dockerfile has no `~`.
 */
export function resolvePath(base: string, path: string, home?: string): string {
  if (home !== undefined && (path === '~' || path.startsWith('~/')))
    return normalizePath(home + path.slice(1));
  return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
}

export function baseName(path: string): string {
  const parts = normalizePath(path).split('/');
  return parts[parts.length - 1] ?? '';
}

/** True when `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || dir === '/' || path.startsWith(`${dir}/`);
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
