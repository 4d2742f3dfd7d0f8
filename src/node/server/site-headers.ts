/**
 * The headers the course is served with, from one place: `npm start`'s server sends them
 * (static-files.ts), and the build writes them for static hosts (`_headers` for Netlify and
 * Cloudflare Pages, nginx and Caddy snippets: src/node/hosting/host-config.ts, docs/deploy.md).
 */

/**
 * Everything the site loads comes from itself; the one exception is WebContainer's frame, on
 * request. A page's own inline scripts (theme, hydration) run by their hashes, computed per page as
 * it is served (so a new inline script needs no hand-kept list); no other inline script runs.
 * 'wasm-unsafe-eval' lets the site's own WebAssembly compile (Pyodide's Python, Pagefind's search
 * index); it allows no eval of JavaScript.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // the course's service worker (sw.js, offline use), from the site itself
    "worker-src 'self'",
    // WebContainer (the workspace's optional real shell) runs in a frame from StackBlitz. Nothing is
    // framed unless the learner chooses it, after reading that it downloads from StackBlitz.
    "frame-src 'self' https://stackblitz.com https://*.stackblitz.com https://*.webcontainer-api.io",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export function baseHeaders(scriptHashes: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(scriptHashes),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * How long a browser may keep a file, by the site folder it is in: Astro's `_astro/` chunks are
 * named by their content (a new build gives new names), everything else is checked each time.
 */
export const IMMUTABLE_FOLDERS = ['_astro'] as const;
export function cacheControl(topFolder: string | undefined): string {
  return (IMMUTABLE_FOLDERS as readonly (string | undefined)[]).includes(topFolder)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
