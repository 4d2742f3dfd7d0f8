/** A local server on a throwaway site, and requests to it as a page or a tool would send them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Verdict } from '../../../src/core/evidence.ts';
import type { LocalApiOptions } from '../../../src/node/server/local-api.ts';
import { serve } from '../../../src/node/server/serve.ts';

export const root = mkdtempSync(join(tmpdir(), 'lw-site-'));
writeFileSync(
  join(root, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Layerwise</title></head><body>hi</body></html>',
);
writeFileSync(join(root, 'style.css'), 'body{}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

export const PASS: Verdict = {
  status: 'pass',
  evidence: 'engine',
  checks: [{ id: 'c', ok: true, message: 'fine' }],
};
export const servers: Server[] = [];
afterEach(async () =>
  Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done)))),
);

export interface Site {
  port: number;
  token: string;
  send(r: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    host?: string;
  }): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>;
  /** a call as the course's own page makes it */
  verify(body: unknown, headers?: Record<string, string>): ReturnType<Site['send']>;
}

export async function site(
  localApi: LocalApiOptions | false = { verify: async () => ({ verdict: PASS }) },
): Promise<Site> {
  const server = await serve({ root, port: 0, localApi });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const send: Site['send'] = ({
    method = 'GET',
    path = '/',
    headers = {},
    body,
    host = `localhost:${port}`,
  }) =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method, path, headers: { Host: host, ...headers } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += String(c)));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const page = await send({});
  const token = /data-token="([0-9a-f]+)"/.exec(page.body)?.[1] ?? '';
  const verify: Site['verify'] = (body, headers = {}) =>
    send({
      method: 'POST',
      path: '/api/verify',
      headers: {
        'Content-Type': 'application/json',
        Origin: `http://localhost:${port}`,
        'X-Layerwise-Token': token,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { port, token, send, verify };
}
