/** `LAYERWISE_BASE=/docker-course/ npm start`: the site answers under the base, the API stays at /api/. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFor, stampText } from '../../../scripts/build-if-stale.ts';
import { serve } from '../../../src/node/server/serve.ts';

const BASE = '/docker-course/';
const root = mkdtempSync(join(tmpdir(), 'layerwise-base-'));
let server: Server;
let origin = '';

beforeAll(async () => {
  mkdirSync(join(root, 'lessons/intro'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Home</title>');
  writeFileSync(join(root, 'lessons/intro/index.html'), '<!doctype html><title>Intro</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title>');
  server = await serve({ root, port: 0, host: 'localhost', base: BASE });
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

describe('npm start under a base path', () => {
  it.each([
    ['/', BASE],
    ['/docker-course', BASE],
    ['/docker-course/lessons/intro', '/docker-course/lessons/intro/'],
  ])('%s leads to %s', async (path, location) => {
    const res = await get(path);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(location);
  });

  it('serves the site under the base, and nothing outside it', async () => {
    expect(await (await get('/docker-course/lessons/intro/')).text()).toContain('Intro');
    const outside = await get('/lessons/intro/');
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('Not found');
  });

  it('keeps the local API at /api/ (the page names it there)', async () => {
    const res = await fetch(`${origin}/api/verify`, { method: 'POST' });
    expect(res.status).not.toBe(404);
    expect(res.status).toBeLessThan(500);
  });

  it('rebuilds when dist/ was built for another base', () => {
    expect(builtFor(stampText(BASE), BASE)).toBe(true);
    expect(builtFor(stampText('/'), BASE)).toBe(false);
    expect(builtFor('2026-12-06T08:18:59.231Z', '/')).toBe(false);
    expect(builtFor(null, '/')).toBe(false);
  });
});
