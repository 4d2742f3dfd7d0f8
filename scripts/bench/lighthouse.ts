/**
 * Lighthouse 12.2.3 (pinned: newer ones refuse this Node/npm) on every built page, as issue 14
 * reads it: mobile, simulated Slow 4G and 4× CPU (Lighthouse's default), median of 3 runs,
 * performance score and Total Blocking Time, plus the JS and total bytes the page loaded, gzip
 * (each response fetched again from the server and gzipped, as the page-weight table counts).
 * Lighthouse drives the Chromium the browser tests use (Debian's /usr/bin/chromium here).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../../src/node/server/serve.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../tests/e2e/find-browser.ts';
import { sitePages } from '../../tests/e2e/site-pages.ts';
import { median, type BenchSection } from './section.ts';
import { originOf } from './site-browser.ts';
import { load } from './load.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNS = 3;

export interface PageFigures {
  performance: number;
  tbt: number;
  jsGzip: number;
  totalGzip: number;
}

interface Item {
  url: string;
  resourceType?: string;
}

async function gzipBytes(items: Item[]): Promise<{ js: number; total: number }> {
  let js = 0;
  let total = 0;
  for (const item of items) {
    if (!item.url.startsWith('http')) continue;
    const response = await fetch(item.url).catch(() => null);
    if (!response?.ok) continue;
    const size = gzipSync(Buffer.from(await response.arrayBuffer())).length;
    total += size;
    if (item.resourceType === 'Script') js += size;
  }
  return { js, total };
}

/** Median of RUNS Lighthouse runs on each path of the site served from `dist`. */
export async function lighthouseFigures(
  dist: string,
  paths: readonly string[],
): Promise<Map<string, PageFigures>> {
  const server = await serve({ root: dist, port: 0, localApi: false });
  const origin = originOf(server);
  const browser = findBrowser();
  const chrome = await launch({
    chromePath: browser.executablePath ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  const figures = new Map<string, PageFigures>();
  try {
    for (const path of paths) {
      const runs: PageFigures[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(`${origin}${path}`, {
          port: chrome.port,
          onlyCategories: ['performance'],
          logLevel: 'error',
          output: 'json',
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { lhr } = result;
        const requests = (lhr.audits['network-requests']?.details as { items?: Item[] })?.items;
        const bytes = await gzipBytes(requests ?? []);
        runs.push({
          performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
          tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
          jsGzip: bytes.js,
          totalGzip: bytes.total,
        });
      }
      figures.set(path, {
        performance: median(runs.map((r) => r.performance)),
        tbt: median(runs.map((r) => r.tbt)),
        jsGzip: median(runs.map((r) => r.jsGzip)),
        totalGzip: median(runs.map((r) => r.totalGzip)),
      });
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return figures;
}

const kB = (n: number) => (n / 1024).toFixed(1);

export async function run(): Promise<BenchSection> {
  const before = load();
  const paths = (process.env['BENCH_PAGES'] ?? '').split(',').filter(Boolean);
  const ours = await lighthouseFigures(join(ROOT, 'dist'), paths.length ? paths : sitePages());
  const rows = [...ours].map(([path, f]) => [
    path,
    f.performance,
    Math.round(f.tbt),
    kB(f.jsGzip),
    kB(f.totalGzip),
  ]);
  return {
    title: `Lighthouse 12.2.3, mobile, simulated Slow 4G + 4× CPU (median of ${RUNS})`,
    columns: ['page', 'performance', 'TBT ms', 'JS kB gzip', 'all kB gzip'],
    rows,
    notes: [
      'targets (issue 14): performance 100 and TBT under 50 ms on every page',
      `load average (1 min) ${before} before, ${load()} after: figures under load are indicative only`,
      'BENCH_PAGES=/lessons/x/,/ measures only those pages',
    ],
  };
}
