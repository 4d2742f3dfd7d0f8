/**
 * Page weight: what a first visit to each built page loads (HTML, CSS, JS; raw and gzip) and how
 * many requests, measured in Chromium, plus the site's build time.
 */
import { chromium } from '@playwright/test';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../../src/node/server/serve.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../tests/e2e/find-browser.ts';
import { sitePages } from '../../tests/e2e/site-pages.ts';
import { runAstro } from '../astro.ts';
import type { BenchSection } from './section.ts';
import { originOf } from './site-browser.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const kB = (n: number) => (n / 1024).toFixed(1);

type Kind = 'html' | 'css' | 'js' | 'other';
const kindOf = (type: string): Kind =>
  type.includes('html')
    ? 'html'
    : type.includes('css')
      ? 'css'
      : type.includes('javascript')
        ? 'js'
        : 'other';

export async function run(): Promise<BenchSection> {
  const started = performance.now();
  if (runAstro(['build']) !== 0) throw new Error('the build failed');
  const buildSeconds = (performance.now() - started) / 1000;

  const server: Server = await serve({ root: join(ROOT, 'dist'), port: 0 });
  const origin = originOf(server);
  const browser = findBrowser();
  const b = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
  });
  const rows: (string | number)[][] = [];
  try {
    for (const path of sitePages()) {
      const context = await b.newContext();
      const page = await context.newPage();
      const bytes: Record<Kind, { raw: number; gz: number }> = {
        html: { raw: 0, gz: 0 },
        css: { raw: 0, gz: 0 },
        js: { raw: 0, gz: 0 },
        other: { raw: 0, gz: 0 },
      };
      let requests = 0;
      const pending: Promise<void>[] = [];
      page.on('response', (res) => {
        requests++;
        pending.push(
          res.body().then(
            (body) => {
              const k = kindOf(res.headers()['content-type'] ?? '');
              bytes[k].raw += body.length;
              bytes[k].gz += gzipSync(body).length;
            },
            () => undefined,
          ),
        );
      });
      await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      await Promise.all(pending);
      await context.close();
      const total = bytes.html.gz + bytes.css.gz + bytes.js.gz + bytes.other.gz;
      rows.push([
        path,
        `${kB(bytes.html.raw)} / ${kB(bytes.html.gz)}`,
        `${kB(bytes.css.raw)} / ${kB(bytes.css.gz)}`,
        `${kB(bytes.js.raw)} / ${kB(bytes.js.gz)}`,
        kB(total),
        requests,
      ]);
    }
  } finally {
    await b.close();
    server.close();
  }
  return {
    title: 'Page weight: a first visit to each page (kB, raw / gzip)',
    columns: ['page', 'HTML', 'CSS', 'JS', 'all gzip', 'requests'],
    rows,
    notes: [
      `site build time: ${buildSeconds.toFixed(1)} s (astro build, this machine)`,
      'target for a reading-only lesson page: at most 15 kB gzip JS and 50 kB gzip in all',
      'for comparison, on this kind of machine: a default Starlight page loads 32 kB gzip JS and 60 kB in all; a TutorialKit lesson 426 kB gzip JS',
      `browser: ${browser.description}`,
    ],
  };
}
