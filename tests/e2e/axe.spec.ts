/**
 * axe finds nothing, at every impact level (issue 10, "Must show"), on every page of the built site,
 * at 1366 px and on a 390 px phone, in the light and the dark theme. A page with a workspace is
 * checked with everything of it open: the terminal after a build, a second terminal tab, the editor
 * and the solution diff (which holds the rest of the page too, so it is not checked closed as well).
 * One page load per page and size: the theme follows the system live, so dark is the same page
 * after the switch, checked with the rules that read colours (all that differs between the themes:
 * custom properties and the workspace's palette), which keeps the suite's time near what the plain
 * pages alone took before.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { scaled } from '../machine-pace.ts';
import { sitePages } from './site-pages.ts';
import { axeViolations, COLOUR_RULES, expect, test } from './watch.ts';
import { DEVICES, run, terminalText } from './workspace-helpers.ts';

const DIST = new URL('../../dist/', import.meta.url);
const hasWorkspace = (path: string) =>
  readFileSync(
    new URL(`.${path.endsWith('/') ? `${path}index.html` : path}`, DIST),
    'utf8',
  ).includes('data-workspace');

const atPrompt = async (page: Page) => /\$\s*$/.test(await terminalText(page));

/** Opens the workspace and everything in it a learner can open at once. */
async function openEverything(page: Page) {
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  // xterm and the editor are downloaded and compiled now: seconds on a busy machine.
  await expect(page.locator('.xterm-helper-textarea').first()).toBeFocused({
    timeout: scaled(20_000),
  });
  await expect.poll(() => atPrompt(page)).toBe(true);
  // Coloured output (BuildKit's, or its error where the lesson starts with no project) and a changed file.
  await run(page, 'echo "# mine" >> Dockerfile; docker build -t demo-image .', '\n');
  await expect(page.locator('.ws-editor .cm-content')).toHaveAttribute('aria-label', /^Editor/);
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect.poll(() => atPrompt(page)).toBe(true);
  await page.getByRole('button', { name: 'Compare with the solution' }).click();
  await expect(page.locator('.cm-mergeView')).toBeVisible();
}

for (const [device, use] of DEVICES) {
  test.describe(device, () => {
    test.use(use);
    for (const path of sitePages()) {
      const workspace = hasWorkspace(path);
      test(`${path}${workspace ? ' with its workspace open, two terminals and the diff' : ''}: axe finds nothing, light and dark`, async ({
        page,
        watch,
      }) => {
        // Opening a workspace and checking the page's biggest state is about three ordinary tests.
        if (workspace) test.setTimeout(scaled(90_000));
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(path, { waitUntil: 'load' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        if (workspace) await openEverything(page);
        expect(await axeViolations(page), 'light theme').toEqual([]);
        // Dark is the same page with other colours: the rules that read colours are what can change.
        await page.emulateMedia({ colorScheme: 'dark' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        expect(await axeViolations(page, COLOUR_RULES), 'dark theme').toEqual([]);
        expect(watch.problems).toEqual([]);
      });
    }
  });
}
