/**
 * Serves the built site (dist/) as a static host would, plus the headers a static host should send
 * (documented in the README): a strict Content-Security-Policy, and cross-origin isolation on
 * pages that hold the workspace so the WebContainer backend can boot.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { chooseEncoding, compressed } from './compression.ts';
import { inlineScriptHashes } from './inline-scripts.ts';
import { baseHeaders, cacheControl } from './site-headers.ts';

/** The site's file types: `npm start` sends these, and the nginx snippet maps the same (host-config.ts). */
export const CONTENT_TYPES: Record<string, string> = {
  '.zip': 'application/zip',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** The Content-Type a static host sends for a file of the site. */
export const contentType = (file: string) =>
  CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';

/** Maps a URL path to a file under root, or null when it would leave root. */
export function resolvePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Dotfiles (the build's own .built-at stamp) are not part of the site.
  if (decoded.split(/[/\\]/).some((part) => part.startsWith('.') && part !== '.' && part !== '..'))
    return null;
  const file = normalize(join(root, decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/**
 * The file to send for path, or null. A symlink is followed only while it stays inside the site:
 * the path as written was checked already, the path on disk is checked here (audit I2).
 */
async function fileAt(root: string, path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    const realRoot = await realpath(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    const s = await stat(real);
    if (s.isFile()) return real;
    if (s.isDirectory()) return fileAt(root, join(path, 'index.html'));
  } catch {
    /* not there */
  }
  return null;
}

/** A redirect to a directory with its slash, built from where it is in the site, never from the raw request path (audit F5). */
function directoryUrl(root: string, directory: string): string {
  const rel = relative(root, directory);
  return `/${
    rel
      ? rel
          .split(sep)
          .map((part) => `${encodeURIComponent(part)}/`)
          .join('')
      : ''
  }`;
}

export interface StaticOptions {
  /**
   * the base path the site was built for (LAYERWISE_BASE): the site answers under it, and `/` or
   * the base without its slash leads there
   */
  base?: string;
  /**
   * rewrites every HTML page before it is sent (the local server adds its API's meta tag and this
   * run's token, so such a page is sent `no-store`: it is never written to a cache)
   */
  transformHtml?: (html: string) => string;
}

export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: StaticOptions = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...baseHeaders(), Allow: 'GET, HEAD' }).end();
    return;
  }
  const base = options.base ?? '/';
  const requested = (req.url ?? '/').split('?')[0] ?? '/';
  if (base !== '/' && (requested === '/' || requested === base.slice(0, -1))) {
    res.writeHead(301, { ...baseHeaders(), Location: base }).end();
    return;
  }
  const path = requested.startsWith(base) ? requested.slice(base.length - 1) : null;
  const resolved = path === null ? null : resolvePath(root, path);
  const isDirectory =
    resolved !== null &&
    (await stat(resolved).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  // A directory asked for without its trailing slash: redirect, as static hosts do, so relative links work.
  if (isDirectory && !requested.endsWith('/')) {
    const location = `${base.slice(0, -1)}${directoryUrl(root, resolved)}`;
    res.writeHead(301, { ...baseHeaders(), Location: location }).end();
    return;
  }
  let file = resolved ? await fileAt(root, resolved) : null;
  let status = 200;
  if (!file) {
    status = 404;
    file = await fileAt(root, join(root, '404.html'));
  }
  if (!file) {
    res
      .writeHead(404, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Not found\n');
    return;
  }
  const type = contentType(file);
  const html = extname(file) === '.html';
  const cache =
    html && options.transformHtml
      ? 'no-store'
      : cacheControl(
          status === 200 && resolved ? relative(root, resolved).split(sep)[0] : undefined,
        );
  const info = await stat(file);
  let body: Buffer = await readFile(file);
  const scriptHashes = html ? inlineScriptHashes(body.toString('utf8')) : [];
  if (options.transformHtml && html)
    body = Buffer.from(options.transformHtml(body.toString('utf8')));
  const encoding = chooseEncoding(req.headers['accept-encoding'], type, body.length);
  if (encoding) body = compressed(`${file} ${info.mtimeMs} ${info.size}`, encoding, body);
  res.writeHead(status, {
    ...baseHeaders(scriptHashes),
    'Content-Type': type,
    'Cache-Control': cache,
    'Content-Length': String(body.length),
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
