import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caddySnippet, headersFile, nginxSnippet } from '../../../src/node/hosting/host-config.ts';
import { snippetsDir, writeHostFiles } from '../../../src/node/hosting/host-files.ts';
import { baseHeaders, contentSecurityPolicy } from '../../../src/node/server/site-headers.ts';

const HASH = "'sha256-abc='";
const facts = { base: '/docker-course/', scriptHashes: [HASH] };

describe("the static hosts' header files say what npm start sends", () => {
  it('_headers: every header of the server for every path under the base, chunks immutable', () => {
    const text = headersFile(facts);
    const lines = text.split('\n');
    expect(lines[1]).toBe('/docker-course/*');
    for (const [name, value] of Object.entries(baseHeaders([HASH])))
      expect(lines).toContain(`  ${name}: ${value}`);
    expect(text).toContain(`script-src 'self' 'wasm-unsafe-eval' ${HASH}`);
    expect(text).toMatch(
      /\/docker-course\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/,
    );
  });

  it('nginx: alias under a sub-path, root at /, the same CSP, JavaScript for .mjs', () => {
    const sub = nginxSnippet(facts);
    expect(sub).toContain('location /docker-course/ {');
    expect(sub).toContain('alias /srv/layerwise/dist/;');
    expect(sub).toContain(
      `add_header Content-Security-Policy "${contentSecurityPolicy([HASH])}" always;`,
    );
    expect(sub).toContain('text/javascript mjs;');
    expect(sub).toContain('application/wasm wasm;');
    expect(sub).toContain('error_page 404 /docker-course/404.html;');
    // nginx drops the outer add_header lines in a block with its own: the chunks' block repeats them
    const chunks = sub.slice(sub.indexOf('location /docker-course/_astro/'));
    expect(chunks).toContain('add_header Cross-Origin-Embedder-Policy "require-corp" always;');
    expect(nginxSnippet({ ...facts, base: '/' })).toContain('root /srv/layerwise/dist/;');
  });

  it('Caddy: the prefix stripped, the same headers', () => {
    const text = caddySnippet(facts);
    expect(text).toContain('handle /docker-course/* {');
    expect(text).toContain('uri strip_prefix /docker-course');
    expect(text).toContain(`Content-Security-Policy "${contentSecurityPolicy([HASH])}"`);
    expect(caddySnippet({ ...facts, base: '/' })).not.toContain('strip_prefix');
  });

  it('the build hashes every inline script of every page, and writes the files', () => {
    const root = mkdtempSync(join(tmpdir(), 'layerwise-host-'));
    const site = join(root, 'dist');
    try {
      mkdirSync(join(site, 'lessons'), { recursive: true });
      writeFileSync(join(site, 'index.html'), '<script>a()</script><script src="/x.js"></script>');
      writeFileSync(
        join(site, 'lessons', 'index.html'),
        '<script>b()</script><script>a()</script>',
      );
      const written = writeHostFiles(site, '/');
      expect(written.scriptHashes).toHaveLength(2);
      const headers = readFileSync(join(site, '_headers'), 'utf8');
      for (const h of written.scriptHashes) expect(headers).toContain(h);
      expect(readFileSync(join(site, '.nojekyll'), 'utf8')).toBe('');
      expect(readFileSync(join(snippetsDir(site), 'nginx.conf'), 'utf8')).toContain('location / {');
      expect(readFileSync(join(snippetsDir(site), 'Caddyfile'), 'utf8')).toContain('file_server');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
