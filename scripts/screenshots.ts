/**
 * Screenshots of a lesson's workspace (issue 10): at 1366×900 and on a 390×844 phone, light and dark,
 * after `docker build` and `docker run` in the terminal, the editor showing app/main.py. Builds the
 * site if it is stale, serves dist/ as a static host would, drives the Chromium the browser tests
 * use, and writes docs/screenshots/workspace-<width>-<theme>.png. Usage: npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { onBuiltSite } from './bench/site-browser.ts';
import { buildIfStale } from './build-if-stale.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = `${ROOT}docs/screenshots`;
const LESSON = '/lessons/running-the-container/';
/** CPython's first start compiles 9 MB of WebAssembly: minutes on a busy machine. */
const PATIENCE = 10 * 60_000;

const DEVICES: [string, BrowserContextOptions][] = [
  ['1366', { viewport: { width: 1366, height: 900 } }],
  ['390', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }],
];

interface TestHook {
  layerwiseTerminalText?: () => string;
}
const terminalText = (page: Page) =>
  page
    .locator('[data-workspace]')
    .evaluate((el) => (el as HTMLElement & TestHook).layerwiseTerminalText?.() ?? '');

/** Types a command and waits until its output holds `output` and a new prompt follows it. */
async function run(page: Page, command: string, output: string) {
  const before = (await terminalText(page)).length;
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    ([from, expected]) => {
      const el = document.querySelector<HTMLElement & TestHook>('[data-workspace]');
      const after = el?.layerwiseTerminalText?.().slice(from) ?? '';
      return after.includes(expected) && after.trimEnd().endsWith('$');
    },
    [before, output] as const,
    { timeout: PATIENCE, polling: 250 },
  );
}

async function shoot(
  browser: Browser,
  baseURL: string,
  width: string,
  options: BrowserContextOptions,
) {
  const context = await browser.newContext({ ...options, baseURL, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await page.locator('.xterm-helper-textarea').waitFor();
  await page.waitForFunction(
    () => document.querySelector('.xterm-helper-textarea') === document.activeElement,
  );
  // BuildKit's lines are cut to the terminal's width (a phone's ~36 columns): wait for their start.
  await run(page, 'docker build -t demo-image .', 'naming to');
  await run(page, 'docker run -d -p 8000:8000 --name web demo-image', '\n');
  await run(page, 'curl -i localhost:8000', '"Welcome to root"');
  await page.getByRole('button', { name: 'Open app/main.py' }).click();
  await page.locator('.ws-editor .cm-content[aria-label="Editor: app/main.py"]').waitFor();
  // Back to the terminal, its bottom at the screen's bottom (where a phone shows it while the
  // learner types): curl's answer and the prompt in view, the editor above them.
  await page.locator('.xterm-helper-textarea').focus();
  await page
    .locator('.ws-xterm:not([hidden])')
    .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.waitForFunction((t) => document.documentElement.dataset['theme'] === t, theme);
    const path = `${OUT}/workspace-${width}-${theme}.png`;
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    console.log(`layerwise: wrote ${path.slice(ROOT.length)}`);
  }
  await context.close();
}

buildIfStale();
mkdirSync(OUT, { recursive: true });
await onBuiltSite(async (browser, origin, description) => {
  console.log(`layerwise: screenshots with ${description}`);
  for (const [width, options] of DEVICES) await shoot(browser, origin, width, options);
});
