/**
 * The base path the site is built for, from `LAYERWISE_BASE` (astro.config.mjs reads it): `/` by
 * default, `/docker-course/` for a site published under that folder. Always with a leading and a
 * trailing slash, so `import.meta.env.BASE_URL` and every URL joined to it have one form.
 */
const SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/;

export function basePath(value: string | undefined): string {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === '/') return '/';
  const segments = raw.split('/').filter(Boolean);
  const bad = segments.find((s) => !SEGMENT.test(s) || s === '.' || s === '..');
  if (!raw.startsWith('/') || raw.startsWith('//') || bad !== undefined)
    throw new Error(
      `LAYERWISE_BASE must be a path on the site's host, such as /docker-course/ (got "${raw}"${
        bad !== undefined ? `: "${bad}" is not a plain path segment` : ''
      }).`,
    );
  return `/${segments.join('/')}/`;
}
