/**
 * The security audit's findings on the local server and the engine reader (../shared/reviews/
 * 2026-12-security-audit.md), each reproduced here before it was fixed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { format } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dockerodeReader } from '../../../src/node/engine/dockerode-reader.ts';
import { engineVerifyHandler } from '../../../src/node/server/local-api.ts';
import { PASS, root, servers, site } from './local-site.ts';
import { startReplayEngine, type ReplayEngine } from './replay-engine.ts';

let engine: ReplayEngine;
beforeAll(async () => (engine = await startReplayEngine({})));
afterAll(() => engine.close());

describe('F1: an image name with an empty, . or .. part', () => {
  it('the stand-in engine redirects a path that is not clean as the real engine does (captured)', async () => {
    const capture = readFileSync(
      new URL('../../fixtures/engine/redirect-unclean-path.txt', import.meta.url),
      'utf8',
    );
    const cases = [
      ...capture.matchAll(/http:\/\/localhost(\S+)\nHTTP\/1\.1 301 [^\n]*\nLocation: (\S+)/g),
    ];
    expect(cases).toHaveLength(3);
    for (const [, path, location] of cases) {
      const answer = await new Promise<{
        status: number | undefined;
        location: string | undefined;
      }>((done) =>
        request({ socketPath: engine.socketPath, path }, (res) => {
          res.resume();
          done({ status: res.statusCode, location: res.headers.location });
        }).end(),
      );
      expect(answer).toEqual({ status: 301, location });
    }
  });

  it('F1: POST /api/verify takes no image or previous (the page never sends them), and the server stays up', async () => {
    const s = await site({
      verify: engineVerifyHandler({ DOCKER_HOST: `unix://${engine.socketPath}` }),
    });
    for (const body of [
      { exercise: 'first-build', image: 'demo-image//latest' },
      { exercise: 'first-build', image: 'a/./b' },
      { exercise: 'first-build', image: 'a/../../containers/json' },
      { exercise: 'cached-rebuild', previous: 'demo-image//before' },
    ]) {
      const sent = await s.verify(body);
      expect([sent.status, JSON.parse(sent.body).error.message]).toEqual([
        400,
        expect.stringMatching(/^Unknown field: (image|previous)\.$/),
      ]);
    }
    expect((await s.send({})).status).toBe(200);
  });

  it('F1: the engine reader follows no redirect, so an engine answering 301 is an error, not a crash', async () => {
    const reader = dockerodeReader(
      { kind: 'unix', path: engine.socketPath },
      { apiVersion: '1.41', timeoutMs: 2000 },
    );
    await expect(reader.inspectImage('demo-image//latest')).rejects.toThrow(/redirect/i);
  });

  it('F1: a last-resort handler logs an uncaught error in one line, and npm start keeps serving', () => {
    const module = new URL('../../../src/node/server/last-resort.ts', import.meta.url).pathname;
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { keepServing } from ${JSON.stringify(module)};
         keepServing();
         setTimeout(() => { throw new TypeError('Invalid URL'); });
         setTimeout(() => console.log('still serving'), 50);`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stdout).toBe('still serving\n');
    expect(r.stderr).toBe(
      'layerwise: an internal error was caught and the server keeps running: TypeError: Invalid URL (set LAYERWISE_DEBUG=1 for the stack)\n',
    );
    expect(r.status).toBe(0);
  });
});

describe('F5: the "directory without its slash" redirect', () => {
  it.each([
    ['//evil.example/x%2f..%2f..', '/'],
    ['//evil.example/%2e%2e', '/'],
    ['/\\evil.example/%2e%2e', '/'],
    ['/docs', '/docs/'],
  ])('F5: %s is redirected to %s on this site, never to another host', async (path, location) => {
    mkdirSync(join(root, 'docs'), { recursive: true });
    const s = await site();
    const sent = await s.send({ path });
    expect([sent.status, sent.headers.location]).toEqual([301, location]);
  });
});

describe('I1, I2, I4: defence in depth', () => {
  it('I1: requests refused for their form do not spend the rate limit', async () => {
    const s = await site({ verify: async () => ({ verdict: PASS }) });
    for (let i = 0; i < 10; i++)
      expect((await s.verify('{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    for (let i = 0; i < 10; i++) expect((await s.verify('{"exercise":1}')).status).toBe(400);
    expect((await s.verify({ exercise: 'first-build' })).status).toBe(200);
  });

  it('I2: a symlink that leads out of the site is not followed', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'lw-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(join(outside, 'secret.txt'), join(root, 'link.txt'));
    symlinkSync(outside, join(root, 'link-dir'));
    try {
      const s = await site();
      for (const path of ['/link.txt', '/link-dir/secret.txt']) {
        const sent = await s.send({ path });
        expect([sent.status, sent.body]).toEqual([404, 'Not found\n']);
      }
    } finally {
      rmSync(join(root, 'link.txt'));
      rmSync(join(root, 'link-dir'));
      rmSync(outside, { recursive: true });
    }
  });

  it('I4: the page that carries the token is never stored, and /.built-at is not served', async () => {
    writeFileSync(join(root, '.built-at'), '2026-12-06T00:00:00Z');
    const s = await site();
    expect((await s.send({})).headers['cache-control']).toBe('no-store');
    expect((await (await site(false)).send({})).headers['cache-control']).toBe('no-cache');
    expect((await s.send({ path: '/.built-at' })).status).toBe(404);
  });

  it("I4: inline scripts run by their hash, not by 'unsafe-inline'", async () => {
    const script = "document.documentElement.dataset.theme='dark'";
    writeFileSync(
      join(root, 'inline.html'),
      `<!doctype html><html><head><script>${script}</script><script type="module">import '/x.js';</script></head><body></body></html>`,
    );
    const s = await site();
    const csp = String((await s.send({ path: '/inline.html' })).headers['content-security-policy']);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    const { createHash } = await import('node:crypto');
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).toContain(hash(script));
    expect(scriptSrc).toContain(hash("import '/x.js';"));
  });

  it('I4: an aborted upload leaves no stack trace in the log', async () => {
    const errors: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void errors.push(format(...args)));
    try {
      const s = await site({ verify: async () => ({ verdict: PASS }) });
      await new Promise<void>((done) => {
        const req = request({
          host: '127.0.0.1',
          port: s.port,
          method: 'POST',
          path: '/api/verify',
          headers: {
            Host: `localhost:${s.port}`,
            'Content-Type': 'application/json',
            'Content-Length': '1000',
            'X-Layerwise-Token': s.token,
          },
        });
        req.on('error', () => done());
        req.on('close', () => done());
        req.write('{"exercise":', () => req.destroy());
      });
      // The server has seen the connection go once it holds none; one more request lets its handler finish.
      const server = servers.at(-1)!;
      await vi.waitFor(async () =>
        expect(await new Promise((r) => server.getConnections((_, n) => r(n)))).toBe(0),
      );
      expect((await s.send({})).status).toBe(200);
      expect(errors.join('\n')).not.toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });
});
