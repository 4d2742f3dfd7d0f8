/**
 * The course on the learner's machine: the built site on loopback only.
 * Usage: serve({ root, port }) → a listening server on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import { serveStatic } from './static-files.ts';

export interface ServeOptions {
  root: string;
  port: number;
  /** loopback only; the course never listens on other interfaces */
  host?: '127.0.0.1' | 'localhost';
}

export function serve({ root, port, host = '127.0.0.1' }: ServeOptions): Promise<Server> {
  const server = createServer((req, res) => {
    serveStatic(root, req, res).catch((error: unknown) => {
      console.error('layerwise: could not serve', req.url, error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
