/**
 * A first `npm start` serves the pages while the build still writes the search index and Python's
 * files: a request under a held path waits for the build, so it never meets a missing or
 * half-written file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '../../../src/node/server/serve.ts';

const root = mkdtempSync(join(tmpdir(), 'layerwise-hold-'));
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('serve({ hold })', () => {
  it('answers pages at once and a held path only once the build is done', async () => {
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Home</title>');
    mkdirSync(join(root, 'pagefind'));
    writeFileSync(join(root, 'pagefind/pagefind.js'), 'export {};\n');
    let done = false;
    let finish = () => {};
    const build = new Promise<void>((resolve) => (finish = resolve));
    const server = await serve({
      root,
      port: 0,
      localApi: false,
      hold: { paths: ['/pagefind/'], done: build },
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const received = new Promise<void>((resolve) =>
        server.on('request', (req) => req.url === '/pagefind/pagefind.js' && resolve()),
      );
      const held = fetch(`${origin}/pagefind/pagefind.js`).then(async (r) => ({
        status: r.status,
        body: await r.text(),
        afterBuild: done,
      }));
      await received;
      // A page asked after the held file is answered at once, while the build goes on.
      expect((await fetch(`${origin}/`)).status).toBe(200);
      done = true;
      finish();
      expect(await held).toEqual({ status: 200, body: 'export {};\n', afterBuild: true });
    } finally {
      server.close();
    }
  });
});
