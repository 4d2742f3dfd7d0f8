import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, Verdict } from '../../../src/core/evidence.ts';
import { engineVerifyHandler, type VerifyHandler } from '../../../src/node/server/local-api.ts';
import { PASS, servers, site } from './local-site.ts';
import { startReplayEngine, type ReplayEngine } from './replay-engine.ts';

describe('the local server', () => {
  it('listens on loopback only', async () => {
    const s = await site();
    const outward = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (outward) {
      const error = await new Promise<string>((resolve) =>
        connect(s.port, outward.address)
          .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? ''))
          .on('connect', () => resolve('connected')),
      );
      expect(error).toBe('ECONNREFUSED');
    }
    expect(servers[0]?.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('keeps serving the site with its headers, and tells each page where the local API is', async () => {
    const s = await site();
    const page = await s.send({});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toMatch(
      new RegExp(
        `^<!doctype html><html lang="en"><head><meta name="layerwise-local-api" content="/api/verify" data-token="[0-9a-f]{48}"><meta charset="utf-8">`,
      ),
    );
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.body));
    expect((await s.send({ path: '/style.css' })).body).toBe('body{}');
    expect((await site()).token).not.toBe(s.token);
  });

  it('is a plain static host with localApi: false', async () => {
    const s = await site(false);
    expect((await s.send({})).body).not.toContain('layerwise-local-api');
    expect((await s.send({ method: 'POST', path: '/api/verify', body: '{}' })).status).toBe(405);
  });

  it.each<[string, string, number]>([
    ['localhost', 'localhost:PORT', 200],
    ['127.0.0.1', '127.0.0.1:PORT', 200],
    ['[::1]', '[::1]:PORT', 200],
    ['upper case', 'LOCALHOST:PORT', 200],
    ['DNS rebinding', 'evil.example:PORT', 403],
    ['another port', 'localhost:1', 403],
    ['no port', 'localhost', 403],
  ])('Host: %s (%s) → %i, for pages and the API alike', async (_name, host, status) => {
    const s = await site();
    const h = host.replace('PORT', String(s.port));
    expect((await s.send({ host: h })).status).toBe(status);
    expect(
      (await s.verify({ exercise: 'first-build' }, { Host: h, Origin: `http://${h}` })).status,
    ).toBe(status);
  });

  it.each<[string, (port: number) => Record<string, string>, number, RegExp]>([
    ['the page itself', () => ({}), 200, /"verdict"/],
    [
      'another site',
      () => ({ Origin: 'https://evil.example' }),
      403,
      /Calls from https:\/\/evil\.example are not accepted/,
    ],
    ['a rebinding page', (p) => ({ Origin: `http://evil.example:${p}` }), 403, /not accepted/],
    ['a sandboxed frame', () => ({ Origin: 'null' }), 403, /not accepted/],
    [
      'the same host under another name',
      (p) => ({ Origin: `http://127.0.0.1:${p}` }),
      403,
      /not accepted/,
    ],
    [
      'a cross-site fetch',
      () => ({ 'Sec-Fetch-Site': 'cross-site' }),
      403,
      /Only the course’s own pages/,
    ],
    [
      'no token',
      () => ({ 'X-Layerwise-Token': '' }),
      403,
      /x-layerwise-token header is missing or wrong/,
    ],
    ['a wrong token', () => ({ 'X-Layerwise-Token': 'f'.repeat(48) }), 403, /missing or wrong/],
    ['a tool without Origin but with the token', () => ({ Origin: '' }), 200, /"verdict"/],
    ['not JSON', () => ({ 'Content-Type': 'text/plain' }), 415, /application\/json/],
  ])('a call from %s', async (_name, headers, status, body) => {
    const s = await site();
    const h = Object.fromEntries(Object.entries(headers(s.port)).filter(([, v]) => v !== ''));
    const drop = Object.keys(headers(s.port)).filter((k) => headers(s.port)[k] === '');
    const sent = await s.send({
      method: 'POST',
      path: '/api/verify',
      headers: Object.fromEntries(
        Object.entries({
          'Content-Type': 'application/json',
          Origin: `http://localhost:${s.port}`,
          'X-Layerwise-Token': s.token,
          ...h,
        }).filter(([k]) => !drop.includes(k)),
      ),
      body: JSON.stringify({ exercise: 'first-build' }),
    });
    expect(sent.status).toBe(status);
    expect(sent.body).toMatch(body);
    expect(sent.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it.each<[string, string, number, RegExp]>([
    ['not JSON', '{exercise:', 400, /not JSON/],
    ['not an object', '["first-build"]', 400, /JSON object/],
    [
      'an unknown exercise',
      '{"exercise":"rm -rf"}',
      400,
      /"exercise" must be one of docker-answers, first-build, cached-rebuild, image-listed, container-running, app-reachable/,
    ],
    [
      'an extra field',
      '{"exercise":"first-build","cmd":"docker rm -f demo"}',
      400,
      /Unknown field: cmd/,
    ],
    [
      'an image name (it reads only the course image)',
      '{"exercise":"first-build","image":"--rm demo"}',
      400,
      /Unknown field: image/,
    ],
    [
      'a body over 4 KiB',
      JSON.stringify({ exercise: 'first-build', image: 'a'.repeat(5000) }),
      413,
      /over 4096 bytes/,
    ],
  ])('refuses %s', async (_name, body, status, message) => {
    const s = await site();
    const sent = await s.verify(body);
    expect(sent.status).toBe(status);
    expect(JSON.parse(sent.body)).toEqual({
      error: { kind: expect.any(String), message: expect.stringMatching(message) },
    });
  });

  it('only answers POST /api/verify', async () => {
    const s = await site();
    expect((await s.send({ path: '/api/verify' })).status).toBe(405);
    expect(
      (
        await s.send({
          method: 'OPTIONS',
          path: '/api/verify',
          headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
        })
      ).status,
    ).toBe(405);
    expect((await s.send({ method: 'POST', path: '/api/other' })).status).toBe(404);
  });

  it('never sends a CORS header', async () => {
    const s = await site();
    const answers = await Promise.all([
      s.send({}),
      s.verify({ exercise: 'first-build' }),
      s.verify({ exercise: 'first-build' }, { Origin: 'https://evil.example' }),
      s.send({
        method: 'OPTIONS',
        path: '/api/verify',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      }),
    ]);
    for (const a of answers)
      expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('allows 10 checks in 10 seconds, then says when to try again', async () => {
    let now = 1_000_000;
    const s = await site({ verify: async () => ({ verdict: PASS }), now: () => now });
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await s.verify({ exercise: 'first-build' })).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    now += 4_000;
    const limited = await s.verify({ exercise: 'first-build' });
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '6']);
    now += 6_000;
    expect((await s.verify({ exercise: 'first-build' })).status).toBe(200);
  });

  it('answers 503 with the reason when the engine cannot be read', async () => {
    const problem = {
      kind: 'not-running' as const,
      message: 'The Docker Engine is not running.',
      hint: 'Start it.',
    };
    const s = await site({ verify: async () => ({ problem }) });
    const sent = await s.verify({ exercise: 'app-reachable' });
    expect([sent.status, JSON.parse(sent.body)]).toEqual([503, { error: problem }]);
  });

  it('answers 500, not a crash, when checking throws', async () => {
    const s = await site({
      verify: async () => {
        throw new Error('bug');
      },
    });
    expect((await s.verify({ exercise: 'first-build' })).status).toBe(500);
    expect((await s.send({})).status).toBe(200);
  });
});

describe('the local API on an engine', () => {
  let engine: ReplayEngine;
  beforeAll(
    async () => (engine = await startReplayEngine({ containers: 'containers-stopped.json' })),
  );
  afterAll(() => engine.close());

  it('reads the engine and answers the verdict alone: no snapshot, no environment, labels or mounts', async () => {
    const seen: Evidence[] = [];
    const check = (_id: string, evidence: Evidence): Verdict => (seen.push(evidence), PASS);
    const verify: VerifyHandler = engineVerifyHandler(
      { DOCKER_HOST: `unix://${engine.socketPath}` },
      check,
    );
    const s = await site({ verify });
    const sent = await s.verify({ exercise: 'container-running' });
    expect([sent.status, JSON.parse(sent.body)]).toEqual([200, { verdict: PASS }]);
    expect(seen[0]).toMatchObject({
      source: 'engine',
      snapshot: {
        image: 'demo-image:latest',
        containers: expect.arrayContaining([
          expect.objectContaining({ name: 'demo', state: 'exited' }),
        ]),
      },
    });
    expect(engine.requests.every((r) => r.startsWith('GET '))).toBe(true);
  });
});
