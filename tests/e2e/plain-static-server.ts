/**
 * A plain static host, as GitHub Pages is one: files under a sub-path with their Content-Type and
 * nothing else (no CSP, no cross-origin isolation, no local API), and 404 for anything outside the
 * sub-path, so a root-relative URL that escaped the base shows as a failed request. With
 * `withHeadersFile`, it also sends what the build's `_headers` says, as Netlify and Cloudflare
 * Pages do (a rule `/x/*` covers every path that starts with `/x/`; every matching rule adds its headers).
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

type Rule = { pattern: string; headers: [string, string][] };

function readHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;

export async function servePlain(
  root: string,
  base: string,
  { withHeadersFile = false } = {},
): Promise<PlainHost> {
  const rules = withHeadersFile
    ? readHeadersFile(await readFile(join(root, '_headers'), 'utf8'))
    : [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      for (const rule of rules)
        if (matches(rule.pattern, path)) for (const [n, v] of rule.headers) res.setHeader(n, v);
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
