import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  precacheList,
  siteFiles,
  siteVersion,
  writeServiceWorker,
} from '../../../src/node/hosting/service-worker-build.ts';
import { contentSecurityPolicy } from '../../../src/node/server/site-headers.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A built site in miniature, as Astro and Pagefind lay it out, under `base`. */
function site(base: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-sw-'));
  made.push(dir);
  const page = `<link rel="stylesheet" href="${base}_astro/Base.B1.css"><script type="module" src="${base}_astro/Lesson.A1.js"></script><a href="${base}lessons/x/">x</a>`;
  const all: Record<string, string> = {
    'index.html': page,
    'lessons/x/index.html': page,
    '404.html': '<p>Not found</p>',
    'favicon.svg': '<svg/>',
    '_astro/Base.B1.css': 'body{}',
    // a page's script: a static import, the panel's checkers on demand, the workspace on demand
    '_astro/Lesson.A1.js':
      'import{a as e}from"./text.C1.js";const p=()=>import(`./checkers.D1.js`),w=()=>import(`./open-workspace.E1.js`);',
    '_astro/text.C1.js': 'export const a=1;',
    '_astro/checkers.D1.js': 'import"./text.C1.js";',
    '_astro/open-workspace.E1.js': 'import{t}from"./terminal-view.F1.js";',
    '_astro/terminal-view.F1.js': 'export const t=1;',
    'pagefind/pagefind.js': '',
    'pagefind/index/en_1.pf_index': '',
    'pagefind/pagefind-ui.js': '',
    'pyodide/pyodide.asm.wasm': 'wasm',
    _headers: '/*\n',
    '.built-at': 'now',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('the service worker the build writes', () => {
  it('stores every page, CSS, the scripts and what they import on demand, but not the workspace or Python', () => {
    const dir = site('/');
    expect(precacheList(dir, siteFiles(dir), '/')).toEqual([
      '/404.html',
      '/_astro/Base.B1.css',
      '/_astro/Lesson.A1.js',
      '/_astro/checkers.D1.js',
      '/_astro/text.C1.js',
      '/favicon.svg',
      '/',
      '/lessons/x/',
      '/pagefind/index/en_1.pf_index',
      '/pagefind/pagefind.js',
    ]);
  });

  it('under a sub-path, every URL is under it', () => {
    const base = '/docker-course/';
    const dir = site(base);
    const list = precacheList(dir, siteFiles(dir), base);
    expect(list).toContain('/docker-course/');
    expect(list).toContain('/docker-course/_astro/checkers.D1.js');
    expect(list.filter((u) => !u.startsWith(base))).toEqual([]);
  });

  it("the version follows every file's bytes, Python's included, and not the header file", () => {
    const version = (files: Record<string, string>) => {
      const dir = site('/', files);
      return siteVersion(dir, siteFiles(dir));
    };
    const first = version({});
    expect(version({})).toBe(first);
    expect(version({ 'pyodide/pyodide.asm.wasm': 'other' })).not.toBe(first);
    expect(version({ 'lessons/x/index.html': 'changed' })).not.toBe(first);
    expect(version({ _headers: '/*\n  X: y\n' })).toBe(first);
  });

  it('writes sw.js at the base: a classic script with its version and list, no types left', () => {
    const dir = site('/docker-course/');
    const manifest = writeServiceWorker(dir, '/docker-course/');
    const script = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(script).toContain(`const LAYERWISE_SW = ${JSON.stringify(manifest)};`);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    expect(() => new Script(script)).not.toThrow();
    expect(script).not.toMatch(/^\s*(interface|declare|export)\b/m);
    // a rebuild over it gives the same version: the worker is not part of what it hashes
    expect(writeServiceWorker(dir, '/docker-course/').version).toBe(manifest.version);
  });

  it("says what to update when the workspace's entry chunk is renamed", () => {
    const dir = site('/');
    rmSync(join(dir, '_astro/open-workspace.E1.js'));
    expect(() => writeServiceWorker(dir, '/')).toThrow(/WORKSPACE_ENTRY/);
  });

  it("the CSP lets the site's own worker run", () => {
    expect(contentSecurityPolicy()).toContain("worker-src 'self'");
  });
});
