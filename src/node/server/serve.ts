/**
 * The course on the learner's machine: the built site on loopback only, plus "Check my Docker"
 * (the local API in local-api.ts), which a static host never has.
 * Usage: serve({ root, port }) → a listening server on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOwnHost } from './host-guard.ts';
import { createLocalApi, type LocalApiOptions } from './local-api.ts';
import { baseHeaders } from './site-headers.ts';
import { serveStatic } from './static-files.ts';

export interface ServeOptions {
  root: string;
  port: number;
  /** loopback only; the course never listens on other interfaces */
  host?: '127.0.0.1' | 'localhost';
  /** "Check my Docker": on unless false (then the server behaves as a static host would) */
  localApi?: LocalApiOptions | false;
  /**
   * A first `npm start` serves the pages while the build still writes what it makes after them
   * (the search index, Python's files): requests under these paths wait for `done`, so none meets
   * a missing or half-written file.
   */
  hold?: { paths: string[]; done: Promise<unknown> };
  /** the base path the site was built for (LAYERWISE_BASE): the site answers under it; the API stays at /api/ */
  base?: string;
}

export function serve({
  root,
  port,
  host = '127.0.0.1',
  localApi = {},
  hold,
  base = '/',
}: ServeOptions): Promise<Server> {
  const api = localApi === false ? null : createLocalApi(localApi);
  const withMeta = api
    ? (html: string) => html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${api.metaTag}`)
    : undefined;
  const server = createServer((req, res) => {
    const ownPort = (server.address() as AddressInfo).port;
    // DNS rebinding: a name that resolves to 127.0.0.1 still arrives with its own Host.
    if (api && !isOwnHost(req.headers.host, ownPort)) {
      res
        .writeHead(403, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' })
        .end(`This server answers only as localhost:${ownPort}.\n`);
      return;
    }
    const url = req.url ?? '';
    const fromDisk = () =>
      serveStatic(root, req, res, withMeta ? { transformHtml: withMeta, base } : { base });
    const work =
      api && url.startsWith('/api/')
        ? api.handle(req, res, ownPort)
        : hold?.paths.some((path) => url.startsWith(path))
          ? hold.done.then(fromDisk)
          : fromDisk();
    work.catch((error: unknown) => {
      // A browser that closes the connection mid-request (a reload, a cancelled upload) is not a
      // fault: nothing to log, and no one left to answer (audit I4).
      if (req.destroyed || res.destroyed || isClientGone(error)) return;
      console.error(`layerwise: could not serve ${req.url}: ${String(error)}`);
      if (!res.headersSent)
        res.writeHead(500, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ECONNRESET' || code === 'ECONNABORTED' || (error as Error)?.message === 'aborted'
  );
}
