/**
 * What the workspace loads, part by part (gzip-sized as fetched), and a simulated `docker build`
 * typed into the page: the byte rows of the workspace bench (workspace.ts).
 */
import type { Browser, Page, Response } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scaled } from '../../tests/machine-pace.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const ASSETS = join(ROOT, 'dist/_astro');
export const PROMPT = 'learner@layerwise:~/demo$';
/** what `ls` prints in /practice/'s project, and nothing before it does */
export const LS_OUTPUT = 'requirements.txt';
const kB = (n: number) => (n / 1024).toFixed(1);

/** Resolves with the page's clock once the terminal's text passes `test`, checked every frame. */
async function when(page: Page, needle: string, occurrences = 1): Promise<number> {
  const handle = await page.waitForFunction(
    ({ needle, occurrences }) => {
      const shell = document.querySelector<HTMLElement & { layerwiseTerminalText?: () => string }>(
        '[data-workspace]',
      );
      const text = shell?.layerwiseTerminalText?.() ?? '';
      return text.split(needle).length - 1 >= occurrences ? performance.now() : false;
    },
    { needle, occurrences },
    // an idle machine's minute, scaled for this one's load (tests/machine-pace.ts)
    { polling: 'raf', timeout: scaled(60_000) },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * The built scripts the workspace's first chunk (start-workspace.*.js) needs: it and what it
 * imports statically, at any depth, read from dist/. Everything else can be held back while the
 * prompt is drawn.
 */
function startChunkScripts(): Set<string> {
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name)) return;
    needed.add(name);
    const code = readFileSync(join(ASSETS, name), 'utf8');
    for (const [, dep] of code.matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)) visit(dep!);
  };
  for (const name of readdirSync(ASSETS))
    if (/^start-workspace\.[\w-]+\.js$/.test(name)) visit(name);
  return needed;
}

interface Fetched {
  name: string;
  gz: number;
}
/** The scripts and styles fetched while `action` runs (it waits for what it loads to be in use), gzip-sized. */
async function fetchedDuring(page: Page, action: () => Promise<unknown>): Promise<Fetched[]> {
  const pending: Promise<Fetched>[] = [];
  const onResponse = (res: Response) => {
    const name = new URL(res.url()).pathname.split('/').pop() ?? '';
    if (/\.(js|css)$/.test(name))
      pending.push(res.body().then((b) => ({ name, gz: gzipSync(b).length })));
  };
  page.on('response', onResponse);
  await action();
  page.off('response', onResponse);
  return Promise.all(pending);
}
export const bytes = (files: Fetched[]) => files.reduce((n, f) => n + f.gz, 0);
export const sum = (files: Fetched[]) => `${kB(bytes(files))} kB in ${files.length} files`;

export async function weights(browser: Browser, url: string) {
  const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  const first = await fetchedDuring(page, () => page.goto(url, { waitUntil: 'networkidle' }));
  // What the prompt needs: every script but the first chunk and its imports is held back until
  // the prompt is drawn (start-workspace.ts draws it without the simulator; were a held script
  // needed, no prompt would come); then what a first command needs on top.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const start = startChunkScripts();
  await page.route(
    (url) =>
      /\/_astro\/[^/]+\.js$/.test(url.pathname) && !start.has(url.pathname.split('/').pop()!),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  const untilPrompt = await fetchedDuring(page, async () => {
    await page.click('[data-workspace-open]');
    await when(page, PROMPT);
  });
  const simulator = await fetchedDuring(page, async () => {
    release();
    await page.keyboard.type('ls');
    await page.keyboard.press('Enter');
    await when(page, LS_OUTPUT);
  });
  const opened = await fetchedDuring(page, async () => {
    await page.keyboard.type('l');
    await page.locator('.ws-editor .cm-content[aria-label="Editor: app/main.py"]').waitFor();
    await page.keyboard.press('Backspace');
  });
  const build = async (n: number) => {
    await page.keyboard.type('docker build -t demo-image .');
    // (Inline listeners only: tsx names stored arrow functions with a helper the page does not have.)
    await page.evaluate(() =>
      document.addEventListener(
        'keydown',
        (e) =>
          void (
            e.key === 'Enter' &&
            ((window as unknown as { enterAt: number }).enterAt = performance.now())
          ),
        { capture: true, once: true },
      ),
    );
    await page.keyboard.press('Enter');
    const drawn = await when(page, 'naming to docker.io/library/demo-image', n);
    return drawn - (await page.evaluate(() => (window as unknown as { enterAt: number }).enterAt));
  };
  const cold = await build(1);
  const warm = await build(2);
  const solution = await fetchedDuring(page, async () => {
    await page.getByRole('button', { name: 'Compare with the solution' }).click();
    await page.locator('.cm-mergeView').waitFor();
  });
  await page.context().close();
  // Read from disk: nothing in this bench chooses WebContainer (it needs StackBlitz's servers).
  const webcontainer = readdirSync(ASSETS)
    .filter((f) => /^(start|dist)\.[\w-]+\.js$/.test(f))
    .map((name) => ({ name, gz: gzipSync(readFileSync(join(ASSETS, name))).length }));
  const editor = opened.filter((f) => f.name.startsWith('editor-view.'));
  const afterPrompt = opened.filter((f) => !editor.includes(f));
  return {
    first,
    untilPrompt,
    simulator,
    afterPrompt,
    editor,
    solution,
    webcontainer,
    cold,
    warm,
  };
}
