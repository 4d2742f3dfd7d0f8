/**
 * A plain static host, as GitHub Pages is one: files under a sub-path with their Content-Type and
 * nothing else (no CSP, no cross-origin isolation, no local API), and 404 for anything outside the
 * sub-path, so a root-relative URL that escaped the base shows as a failed request. With
 * `withHeadersFile`, it also sends what the build's `_headers` says, as Netlify and Cloudflare
 * Pages do (headersFileReader).
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contentType, resolvePath } from '../../src/node/server/static-files.ts';

export interface PlainHost {
  /** e.g. http://127.0.0.1:41234/docker-course/ */
  url: string;
  close(): Promise<void>;
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/**
 * How Netlify and Cloudflare Pages read a `_headers` file: for a path, every rule that matches (a
 * rule `/x/*` covers every path that starts with `/x/`) adds its headers; a header that two rules
 * set is sent once, with the values joined by a comma.
 */
export function headersFileReader(text: string): (path: string) => Record<string, string> {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  const matches = (pattern: string, path: string) =>
    pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
  return (path) => {
    const out: Record<string, string> = {};
    for (const rule of rules.filter((r) => matches(r.pattern, path)))
      for (const [n, v] of rule.headers) out[n] = out[n] ? `${out[n]}, ${v}` : v;
    return out;
  };
}

export async function servePlain(
  root: string,
  base: string,
  { withHeadersFile = false } = {},
): Promise<PlainHost> {
  const headersFor: (path: string) => Record<string, string> = withHeadersFile
    ? headersFileReader(await readFile(join(root, '_headers'), 'utf8'))
    : () => ({});
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      for (const [n, v] of Object.entries(headersFor(path))) res.setHeader(n, v);
      if (!path.startsWith(base)) {
        res.writeHead(404).end('Not under the base path\n');
        return;
      }
      const resolved = resolvePath(root, `/${path.slice(base.length)}`);
      if (
        resolved &&
        !path.endsWith('/') &&
        (await stat(resolved).catch(() => null))?.isDirectory()
      ) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
      const file = resolved && (await isFile(resolved)) ? resolved : null;
      const body = await readFile(file ?? join(root, '404.html'));
      res
        .writeHead(file ? 200 : 404, { 'Content-Type': contentType(file ?? '404.html') })
        .end(body);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
