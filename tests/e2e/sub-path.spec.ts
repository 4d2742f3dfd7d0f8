/**
 * Issue 15: the course published under a sub-path by a plain static host (GitHub Pages' kind: no
 * headers of ours). The site is built with LAYERWISE_BASE=/docker-course/ into a folder of its
 * own and served only under /docker-course/, so any URL that forgot the base is a failed request.
 */
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { runAstro } from '../../scripts/astro.ts';
import { siteFiles, writeServiceWorker } from '../../src/node/hosting/service-worker-build.ts';
import { serve } from '../../src/node/server/serve.ts';
import { scaled } from '../machine-pace.ts';
import { untilOffline, walkOffline } from './offline-walk.ts';
import { servePlain, type PlainHost } from './plain-static-server.ts';
import { sitePages } from './site-pages.ts';
import { axeViolations, expect, test, watchPage } from './watch.ts';
import { openWorkspace, run } from './workspace-helpers.ts';

const BASE = '/docker-course/';
let outDir = '';
let host: PlainHost;
/** the same build, with the build's `_headers` sent as Netlify and Cloudflare Pages send them */
let headed: PlainHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(scaled(240_000));
  outDir = mkdtempSync(join(tmpdir(), 'layerwise-sub-path-'));
  const status = runAstro(['build', '--outDir', outDir], { LAYERWISE_BASE: BASE });
  if (status !== 0) throw new Error(`LAYERWISE_BASE=${BASE} astro build failed (${status})`);
  host = await servePlain(outDir, BASE);
  headed = await servePlain(outDir, BASE, { withHeadersFile: true });
});

test.afterAll(async () => {
  await host?.close();
  await headed?.close();
  if (outDir)
    for (const dir of [outDir, `${outDir}-hosting`]) rmSync(dir, { recursive: true, force: true });
});

const url = (path: string) => new URL(path.replace(/^\//, ''), host.url).href;

/** Every same-origin URL the page names (links, styles, scripts, images, icons). */
const namedUrls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[href], [src]')]
      .map((el) => (el as HTMLAnchorElement).href || (el as HTMLImageElement).src)
      .filter((u) => u && new URL(u).origin === location.origin),
  );

test('every page, its links and its assets work under the sub-path', async ({ page }) => {
  const pages = sitePages(outDir);
  expect(pages).toEqual(expect.arrayContaining(['/', '/lessons/', '/practice/', '/complete/']));
  const watch = watchPage(page, new URL(host.url).origin);
  const named = new Set<string>();
  for (const path of pages) {
    await page.goto(url(path), { waitUntil: 'load' });
    for (const u of await namedUrls(page)) named.add(u.split('#')[0]!);
  }
  const escaped = [...named].filter((u) => !new URL(u).pathname.startsWith(BASE));
  expect(escaped, 'URLs outside the base path').toEqual([]);
  const broken: string[] = [];
  for (const u of named) {
    const res = await page.request.get(u);
    if (res.status() !== 200) broken.push(`${res.status()} ${u}`);
  }
  expect(broken, 'named URLs that do not answer 200').toEqual([]);
  expect(watch.problems).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('search loads its index and its results lead to lessons under the sub-path', async ({
  page,
}) => {
  const watch = watchPage(page, new URL(host.url).origin);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the lessons' });
  await dialog.getByRole('searchbox', { name: 'Search the lessons' }).fill('allocated');
  await expect(dialog.getByRole('status')).toHaveText(/results? for “allocated”/, {
    timeout: 30_000,
  });
  const first = dialog.getByRole('link').first();
  await expect(first).toHaveAttribute('href', /^\/docker-course\/lessons\/troubleshooting\/#/);
  await first.click();
  await expect(page).toHaveURL(/\/docker-course\/lessons\/troubleshooting\/#/);
  expect(watch.problems).toEqual([]);
});

test('the workspace opens, checks an exercise, keeps the mark, and runs the app in Python', async ({
  page,
}) => {
  test.slow();
  const watch = watchPage(page, new URL(host.url).origin);
  const html = (slug: string) => readFileSync(join(outDir, 'lessons', slug, 'index.html'), 'utf8');
  const slug = sitePages(outDir)
    .map((p) => /^\/lessons\/([^/]+)\/$/.exec(p)?.[1])
    .find(
      (s) =>
        s && html(s).includes('data-exercise="first-build"') && html(s).includes('data-workspace'),
    );
  expect(slug, 'a lesson with a workspace and the first-build exercise').toBeTruthy();
  await page.goto(url(`/lessons/${slug}/`));
  // A hosted copy cannot read the learner's Docker: the panel says so and names the CLI command.
  const hosted = page.locator('[data-exercise="first-build"] [data-hosted-note]');
  await expect(hosted).toBeVisible();
  await expect(hosted).toContainText('npx layerwise verify first-build');
  await expect(page.getByRole('button', { name: 'Check my Docker' })).toHaveCount(0);
  await openWorkspace(page);
  await run(page, 'docker build -t demo-image:latest .', 'naming to');
  const panel = page.locator('[data-exercise="first-build"]');
  await panel.getByRole('button', { name: 'Check from the terminal' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'All 3 checks passed: practised in the browser terminal.',
  );
  await page.reload();
  await expect(page.locator('[data-exercise="first-build"] [data-mark]')).toHaveText(
    /Practised in the browser terminal/,
  );
  // Progress is this copy's own (a course at another path of the origin keeps its own).
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toContain(`layerwise:progress@${BASE}`);
  expect(keys).not.toContain('layerwise:progress');
  // Python (Pyodide) loads from /docker-course/pyodide/ on the first app start.
  await openWorkspace(page);
  await run(page, 'docker build -t demo-image:latest .', 'naming to');
  await run(page, 'docker run -d -p 8000:8000 demo-image', '\n', 90_000);
  // The lesson's app answers its root route from real CPython.
  await run(page, 'curl -s localhost:8000', '"Welcome to root"');
  expect(watch.problems).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test("with the build's _headers (Netlify, Cloudflare Pages): every page runs under the CSP, isolated", async ({
  page,
}) => {
  // A script the CSP refuses is a console error: the watcher fails the test on it.
  const watch = watchPage(page, new URL(headed.url).origin);
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  for (const path of sitePages(outDir)) {
    const res = await page.goto(new URL(path.replace(/^\//, ''), headed.url).href);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    // the head's inline script ran (allowed by its hash): it sets the theme before paint
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toMatch(
      /^(light|dark)$/,
    );
  }
  expect(csp).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('offline after a first visit, under the sub-path (the service worker)', async ({
  browser,
}) => {
  test.slow();
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  await walkOffline(await context.newPage(), host.url);
  await context.close();
});

/**
 * Two builds of the course told apart by a stamp in every page and in the icon (a file not named
 * by its content, so both versions have it at the same URL), served one after the other.
 */
function twoVersions(): { root: string; dirs: Record<'v1' | 'v2', string> } {
  const root = mkdtempSync(join(tmpdir(), 'layerwise-versions-'));
  const stamped = (v: string) => {
    const dir = join(root, v);
    cpSync(outDir, dir, { recursive: true, filter: (src) => !src.includes('/pyodide') });
    for (const file of siteFiles(dir).filter((f) => f.endsWith('.html'))) {
      const path = join(dir, file);
      const html = readFileSync(path, 'utf8');
      writeFileSync(
        path,
        html.replace('<head>', `<head><meta name="layerwise-build" content="${v}">`),
      );
    }
    appendFileSync(join(dir, 'favicon.svg'), `<!-- ${v} -->\n`);
    writeServiceWorker(dir, BASE);
    return dir;
  };
  return { root, dirs: { v1: stamped('v1'), v2: stamped('v2') } };
}

/**
 * The two versions served one after the other at one address: `run` gets a context that allows
 * service workers, a lesson's URL, and `publishV2`, which makes the host serve v2 from then on.
 */
async function withTwoVersions(
  browser: Browser,
  run: (served: {
    server: PlainHost;
    context: BrowserContext;
    lesson: (slug: string) => string;
    publishV2: () => void;
  }) => Promise<void>,
): Promise<void> {
  const { root, dirs } = twoVersions();
  const live = join(root, 'live');
  symlinkSync(dirs.v1, live);
  const server = await servePlain(live, BASE);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    await run({
      server,
      context,
      lesson: (slug) => new URL(`lessons/${slug}/`, server.url).href,
      publishV2() {
        symlinkSync(dirs.v2, `${live}.next`);
        renameSync(`${live}.next`, live);
      },
    });
  } finally {
    await context.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

test('a new version waits while a page of the old one is open, then replaces it whole', async ({
  browser,
}) => {
  test.slow();
  await withTwoVersions(browser, async ({ server, context, lesson, publishV2 }) => {
    const icon = new URL('favicon.svg', server.url).href;
    /** the version of the page in view, and of the icon it loads now */
    const seen = (page: Page) =>
      page.evaluate(async (iconUrl) => {
        const text = await (await fetch(iconUrl)).text();
        return {
          page: document.querySelector('meta[name="layerwise-build"]')?.getAttribute('content'),
          icon: /<!-- (v\d) -->/.exec(text)?.[1],
        };
      }, icon);
    /** the course's caches, and its registration's workers, as a page of this origin sees them */
    const state = (page: Page) =>
      page.evaluate(async (scope) => {
        const registration = await navigator.serviceWorker.getRegistration(scope);
        return {
          caches: (await caches.keys()).filter((n) => n.startsWith('layerwise@')),
          waiting: registration?.waiting?.state ?? null,
          active: registration?.active?.state ?? null,
        };
      }, server.url);

    const page = await context.newPage();
    const watch = watchPage(page, new URL(server.url).origin);
    await page.goto(lesson('what-is-a-container'));
    await untilOffline(page);
    expect(await seen(page)).toEqual({ page: 'v1', icon: 'v1' });
    const [v1Cache] = (await state(page)).caches;
    expect((await state(page)).caches).toEqual([v1Cache]);

    // The host now serves v2; the browser finds the new worker and installs it beside v1.
    publishV2();
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect.poll(async () => (await state(page)).waiting).toBe('installed');
    // While a page of v1 is open, v1 serves it and every page it navigates to, whole: the page
    // in view, what it loads, and the next lesson.
    expect(await seen(page)).toEqual({ page: 'v1', icon: 'v1' });
    await page.goto(lesson('what-is-an-image'));
    expect(await seen(page)).toEqual({ page: 'v1', icon: 'v1' });
    expect((await state(page)).waiting).toBe('installed');
    expect(watch.problems).toEqual([]);

    // The learner closes the course. A page of the same origin outside the course's scope (the
    // host's 404) watches v2 activate and delete v1's cache.
    await page.close();
    const outside = await context.newPage();
    await outside.goto(new URL('/', server.url).href);
    await expect
      .poll(async () => {
        const { caches: names, ...workers } = await state(outside);
        return { ...workers, caches: names.length, v1Kept: names.includes(v1Cache!) };
      })
      .toEqual({ waiting: null, active: 'activated', caches: 1, v1Kept: false });
    await outside.close();

    // The next visit is v2's, the page and what it loads.
    const next = await context.newPage();
    const nextWatch = watchPage(next, new URL(server.url).origin);
    await next.goto(lesson('what-is-a-container'));
    await untilOffline(next);
    expect(await seen(next)).toEqual({ page: 'v2', icon: 'v2' });
    expect((await state(next)).caches).toHaveLength(1);
    expect(nextWatch.problems).toEqual([]);
  });
});

test('a new version is offered in every open tab; the learner reloads into it when they choose', async ({
  browser,
}) => {
  test.slow();
  await withTwoVersions(browser, async ({ server, context, lesson, publishV2 }) => {
    /** the version of the page in view, across its reload */
    const version = (page: Page) => page.locator('meta[name="layerwise-build"]');
    const notice = (page: Page) => page.getByRole('complementary', { name: 'Course update' });
    const courseCaches = (page: Page) =>
      page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('layerwise@')));

    const first = await context.newPage();
    const watch = watchPage(first, new URL(server.url).origin);
    await first.goto(lesson('what-is-a-container'));
    await untilOffline(first);
    const [v1Cache] = await courseCaches(first);
    const second = await context.newPage();
    await second.goto(lesson('building-the-image'));
    await untilOffline(second);
    // A page served by its own worker with nothing new says nothing.
    await expect(notice(second)).toHaveCount(0);

    publishV2();
    await first.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    // Both tabs are told, in a live region, once the new version is stored.
    for (const page of [first, second]) {
      await expect(notice(page).getByRole('status')).toHaveText(
        'A new version of this course is ready.',
      );
      await expect(version(page)).toHaveAttribute('content', 'v1');
    }
    expect(await axeViolations(first)).toEqual([]);
    // "Not now" puts it away; the page stays as it was.
    await notice(second).getByRole('button', { name: 'Not now' }).click();
    await expect(notice(second)).toHaveCount(0);

    // Reload, by keyboard: the page comes back as v2, and v1's files are gone.
    await notice(first).getByRole('button', { name: 'Reload' }).focus();
    await first.keyboard.press('Enter');
    await expect(version(first)).toHaveAttribute('content', 'v2');
    await expect(notice(first)).toHaveCount(0);
    await expect.poll(() => courseCaches(first)).not.toContain(v1Cache);
    expect(await courseCaches(first)).toHaveLength(1);
    // The other tab, still showing v1, is told what happened and how to catch up.
    await expect(notice(second).getByRole('status')).toHaveText(
      'The course was updated in another tab: reload this page to use it.',
    );
    await notice(second).getByRole('button', { name: 'Reload' }).click();
    await expect(version(second)).toHaveAttribute('content', 'v2');
    expect(watch.problems).toEqual([]);
  });
});

test('npm start under the sub-path: the course there, "Check my Docker", offline with its CSP', async ({
  browser,
}) => {
  test.slow();
  // what `LAYERWISE_BASE=/docker-course/ npm start` runs (scripts/start.ts), on this build
  const server = await serve({ root: outDir, port: 0, host: 'localhost', base: BASE });
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await page.goto(`${origin}/`);
    await expect(page).toHaveURL(`${origin}${BASE}`);
    await page.goto(`${origin}${BASE}lessons/building-the-image`);
    await expect(page).toHaveURL(`${origin}${BASE}lessons/building-the-image/`);
    // npm start's local API answers at /api/ whatever the base: the page offers "Check my Docker"
    await expect(page.getByRole('button', { name: 'Check my Docker' }).first()).toBeVisible();
    await expect(page.locator('[data-hosted-note]').first()).toBeHidden();
    expect(watch.problems).toEqual([]);
    await walkOffline(page, `${origin}${BASE}`);
  } finally {
    await context.close();
    server.close();
  }
});

test('astro dev under the sub-path serves the course there, Python too, and retires a built worker', async () => {
  test.slow();
  const port = 4465;
  const site = `http://localhost:${port}${BASE}`;
  const astro = join(
    dirname(createRequire(import.meta.url).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  const dev = spawn(process.execPath, [astro, 'dev', '--port', String(port)], {
    env: { ...process.env, LAYERWISE_BASE: BASE, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  try {
    const get = (path: string) => fetch(new URL(path, site)).catch(() => null);
    await expect.poll(async () => (await get(''))?.status, { timeout: scaled(120_000) }).toBe(200);
    const lesson = await get('lessons/introduction/');
    expect(lesson?.status).toBe(200);
    const html = (await lesson?.text()) ?? '';
    expect(html).toContain(`href="${BASE}lessons/`);
    expect(html).not.toContain('serviceWorker');
    const worker = await get('sw.js');
    expect(await worker?.text()).toContain('unregister()');
    expect((await get('pyodide/pyodide.mjs'))?.status).toBe(200);
  } finally {
    dev.kill();
  }
});
