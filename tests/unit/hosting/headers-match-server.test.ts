/**
 * Issue 15: the header files the build writes for static hosts must send what `npm start` sends.
 * The server runs on a small built site; each host's file is read as that host applies it (which
 * rules match a path, how nginx inherits `add_header`), and every header the server sent for a page
 * and for a chunk must come out the same. Each page here has the same inline script, so the
 * hosts' CSP (every hash of the site) equals the page's own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snippetsDir, writeHostFiles } from '../../../src/node/hosting/host-files.ts';
import { serve } from '../../../src/node/server/serve.ts';
import { baseHeaders } from '../../../src/node/server/site-headers.ts';
import { headersFileReader } from '../../e2e/plain-static-server.ts';

const BASE = '/docker-course/';
const root = mkdtempSync(join(tmpdir(), 'layerwise-host-headers-'));
const site = join(root, 'dist');
let server: Server;
let origin = '';

beforeAll(async () => {
  const page =
    '<!doctype html><title>x</title><script>document.documentElement.dataset.a="1"</script>';
  mkdirSync(join(site, 'lessons', 'intro'), { recursive: true });
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, 'index.html'), page);
  writeFileSync(join(site, 'lessons', 'intro', 'index.html'), page);
  writeFileSync(join(site, '404.html'), page);
  writeFileSync(join(site, '_astro', 'chunk.Ab12.js'), 'export const a = 1;\n');
  writeHostFiles(site, BASE);
  // npm start's server as a static host (no local API: its pages would carry this run's token,
  // and be no-store for it; a hosted page has none).
  server = await serve({ root: site, port: 0, host: 'localhost', base: BASE, localApi: false });
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

type Headers = Record<string, string>;
/** What a path's response carries, as each host reads its file. */
type Host = (path: string) => Headers;

const prefix = (pattern: string) => pattern.replace(/\*$/, '');

/** Netlify / Cloudflare Pages, as the browser tests' plain host reads `_headers`. */
const netlify: Host = (path) =>
  headersFileReader(readFileSync(join(site, '_headers'), 'utf8'))(path);

/** nginx: the longest matching `location`; a block with its own `add_header` lines inherits none. */
const nginx: Host = (path) => {
  const blocks: { at: string; headers: Headers }[] = [];
  const open: { at: string; headers: Headers }[] = [];
  for (const line of readFileSync(join(snippetsDir(site), 'nginx.conf'), 'utf8').split('\n')) {
    const location = /^\s*location (\S+) \{/.exec(line);
    const header = /^\s*add_header (\S+) "(.*)" always;/.exec(line);
    if (location) open.push({ at: location[1]!, headers: {} });
    else if (header) open.at(-1)!.headers[header[1]!] = header[2]!;
    else if (/^\s*\}\s*$/.test(line) && open.length) {
      const block = open.pop()!;
      if (block.at.startsWith('/')) blocks.push(block);
    }
  }
  const matching = blocks.filter((b) => path.startsWith(b.at));
  const chosen = matching.sort((a, b) => b.at.length - a.at.length)[0];
  return chosen?.headers ?? {};
};

/**
 * Caddy: under `handle BASE*` with the base stripped; the `header { }` block's fields, and the
 * path-matched `header` lines (Caddy runs those first; a `?Field` sets only what is still unset).
 */
const caddy: Host = (path) => {
  const text = readFileSync(join(snippetsDir(site), 'Caddyfile'), 'utf8');
  const handle = text.slice(text.indexOf(`handle ${BASE}*`), text.indexOf('handle_errors'));
  const inner = `/${path.slice(BASE.length)}`;
  const out: Headers = {};
  for (const m of handle.matchAll(/^\s*header (\/\S+) (\S+) "(.*)"$/gm))
    if (inner.startsWith(prefix(m[1]!))) out[m[2]!] = m[3]!;
  const block = handle.slice(
    handle.indexOf('header {'),
    handle.indexOf('}', handle.indexOf('header {')),
  );
  for (const [, unlessSet, name, value] of block.matchAll(/^\s*(\??)([\w-]+) "(.*)"$/gm))
    if (!unlessSet) out[name!] = value!;
    else out[name!] ??= value!;
  return out;
};

/** The headers to compare: the security and isolation headers and the caching. */
const NAMES = [...Object.keys(baseHeaders()), 'Cache-Control'];

async function sent(path: string): Promise<Headers> {
  const res = await fetch(`${origin}${path}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(NAMES.map((n) => [n, res.headers.get(n) ?? '(none)']));
}
const picked = (headers: Headers) =>
  Object.fromEntries(NAMES.map((n) => [n, headers[n] ?? '(none)']));

describe("each static host's header file sends what npm start sends", () => {
  const paths = [`${BASE}lessons/intro/`, `${BASE}_astro/chunk.Ab12.js`, BASE];
  it.each([
    ['_headers (Netlify, Cloudflare Pages)', netlify],
    ['nginx.conf', nginx],
    ['Caddyfile', caddy],
  ])('%s', async (_name, host) => {
    for (const path of paths) {
      const server = await sent(path);
      const hosted = picked(host(path));
      if (host === netlify && server['Cache-Control'] === 'no-cache')
        // Netlify and Cloudflare Pages answer a path without a rule `public, max-age=0,
        // must-revalidate` (the same: ask each time); a `/*` rule would be joined onto the chunks'.
        hosted['Cache-Control'] = hosted['Cache-Control'] === '(none)' ? 'no-cache' : 'a rule';
      if (!path.endsWith('/'))
        // A host sends every page's script hashes with every file; they allow inline scripts,
        // which only a page has, so on a chunk they change nothing.
        hosted['Content-Security-Policy'] = hosted['Content-Security-Policy']!.replace(
          / 'sha256-[^']+'/g,
          '',
        );
      expect(hosted, path).toEqual(server);
    }
  });
});
