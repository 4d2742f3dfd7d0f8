/**
 * A plain static host, as GitHub Pages is one: files under a sub-path with their Content-Type and
 * nothing else (no CSP, no cross-origin isolation, no local API), and 404 for anything outside the
 * sub-path, so a root-relative URL that escaped the base shows as a failed request.
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

export async function servePlain(root: string, base: string): Promise<PlainHost> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
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
