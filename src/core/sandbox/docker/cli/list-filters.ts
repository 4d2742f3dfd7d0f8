/**
 * `--filter` for `docker ps` and `docker images`, as the daemon reads them: `KEY=VALUE`, several
 * values of one key OR'ed, different keys AND'ed. `name=` is a regular expression matched anywhere
 * in the name (so a substring); `reference=` a path glob on `repository[:tag]`.
 */
import { stateName, type Container } from '../containers.ts';
import type { Image, ImageStore } from '../images.ts';

export type Filters = Map<string, string[]>;

const STATUSES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

/** Reads `--filter` values; the daemon's error for a malformed one or a key it lacks. */
export function readFilters(
  values: string[],
  keys: readonly string[],
): Filters | { error: string } {
  const filters: Filters = new Map();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) return { error: `bad format of filter (expected name=value)` };
    const key = v.slice(0, eq).trim().toLowerCase();
    if (!keys.includes(key)) return { error: `invalid filter '${key}'` };
    filters.set(key, [...(filters.get(key) ?? []), v.slice(eq + 1)]);
  }
  return filters;
}

export const PS_FILTER_KEYS = ['name', 'status', 'id', 'ancestor', 'exited'] as const;

export function containerFilter(filters: Filters, images: ImageStore) {
  for (const status of filters.get('status') ?? [])
    if (!STATUSES.includes(status))
      return {
        error: `invalid filter 'status=${status}': invalid value for state (${status}): must be one of ${STATUSES.join(', ')}`,
      };
  return (c: Container): boolean =>
    [...filters].every(([key, values]) =>
      values.some((v) => {
        if (key === 'name') return safeRegExp(v)?.test(c.name) ?? false;
        if (key === 'status') return stateName(c) === v;
        if (key === 'id') return c.id.startsWith(v);
        if (key === 'exited') return c.state === 'exited' && String(c.exitCode) === v;
        // ancestor: the image by reference or ID (its descendants too, on a real engine).
        const image = images.find(v);
        return image !== null && image.id === c.imageId;
      }),
    );
}

export const IMAGE_FILTER_KEYS = ['dangling', 'reference'] as const;

export function imageFilter(filters: Filters) {
  for (const d of filters.get('dangling') ?? [])
    if (!['true', 'false', '1', '0'].includes(d.toLowerCase()))
      return { error: `invalid filter 'dangling=${d}'` };
  return (_image: Image, tag: string | null): boolean =>
    [...filters].every(([key, values]) =>
      values.some((v) => {
        if (key === 'dangling') return ['true', '1'].includes(v.toLowerCase()) === (tag === null);
        if (tag === null) return false;
        const repo = tag.slice(0, tag.lastIndexOf(':'));
        const ref = v.includes(':') ? tag : repo;
        return glob(v, ref);
      }),
    );
}

/** Go's path.Match: `*` and `?` do not cross `/`. */
function glob(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((ch) =>
      ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(text);
}

function safeRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}
