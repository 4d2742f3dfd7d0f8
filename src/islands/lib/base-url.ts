/**
 * The site's own URLs under its base path. The course may be published under a sub-path
 * (`LAYERWISE_BASE=/docker-course/ npm run build`, e.g. a GitHub Pages project site), so no code
 * writes a root-relative internal URL: it asks `withBase('/lessons/x/')` (pages at build time and
 * islands in the browser alike; tests/unit/hosting/root-relative-urls.test.ts holds the rule).
 */

/** `joinBase('/docker-course/', '/lessons/x/')` → `/docker-course/lessons/x/`; the base `/` changes nothing. */
export function joinBase(base: string, path: `/${string}`): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** The URL of a root-relative site path under the base this build was made for. */
export function withBase(path: `/${string}`): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
