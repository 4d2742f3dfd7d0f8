/** The local server as a static host: files, 404, redirects, headers, compression, no escape from the site. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../../src/node/server/serve.ts';

const root = mkdtempSync(join(tmpdir(), 'layerwise-static-'));
const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
let server: Server;
let port: number;

beforeAll(async () => {
  mkdirSync(join(root, 'lessons/intro'), { recursive: true });
  mkdirSync(join(root, '_astro'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>Home</title></head><body>home</body></html>',
  );
  writeFileSync(join(root, 'lessons/intro/index.html'), '<!doctype html><title>Intro</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(root, '_astro/app.js'), script);
  server = await serve({ root, port: 0, localApi: false });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `localhost:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the local static server', () => {
  it('serves pages with the security headers a host should send', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(r.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['br', (b: Buffer) => brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => gunzipSync(b)],
  ] as const)('compresses text with %s when the browser accepts it', async (encoding, decode) => {
    const r = await get('/_astro/app.js', {
      'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip',
    });
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(r.body.length).toBeLessThan(script.length / 10);
    expect(decode(r.body).toString()).toBe(script);
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('sends plain bytes when the browser asks for no encoding, or refuses one with q=0', async () => {
    for (const headers of [{}, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const r = await get('/_astro/app.js', headers);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).toBe(script);
    }
  });

  it("redirects a folder without its slash, answers 404 with the site's page, and never leaves the site", async () => {
    expect((await get('/lessons/intro')).headers['location']).toBe('/lessons/intro/');
    const missing = await get('/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Not found');
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/lessons/../../etc/passwd',
      '/%00',
    ]) {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(r.body.toString()).not.toContain('root:');
    }
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });
});
