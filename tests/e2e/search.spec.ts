/**
 * Full-text search across the lessons (issue 10 item 8): Pagefind's index built with the site,
 * loaded only when search opens, usable by keyboard and screen reader, from the site alone.
 */
import type { Page } from '@playwright/test';
import { axeViolations, expect, test, watchPage } from './watch.ts';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search the lessons' });
const field = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search the lessons' });
const status = (page: Page) => dialog(page).getByRole('status');
/** The first search loads the index (a WebAssembly module, in a worker): 2 s here when quiet, 8 s under a load of 25. */
const INDEX_LOAD = 30_000;

async function search(page: Page, words: string) {
  await field(page).fill(words);
  await expect(status(page)).toHaveText(new RegExp(`results? for “${words}”`), {
    timeout: INDEX_LOAD,
  });
}

test('a lesson loads nothing of search until search is opened', async ({ page, watch }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/lessons/building-the-image/', { waitUntil: 'networkidle' });
  expect(requested.filter((p) => /pagefind|site-search/.test(p))).toEqual([]);
  await page.getByRole('button', { name: 'Search' }).click();
  await search(page, 'cache');
  expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(true);
  expect(watch.problems).toEqual([]);
});

for (const size of [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`at ${size.width} px: the button opens search, and a result leads to the section`, async ({
    page,
    watch,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(field(page)).toBeFocused();
    await search(page, 'allocated');
    const first = dialog(page).getByRole('link').first();
    await expect(first).toContainText('Troubleshooting');
    await expect(first).toHaveAttribute('href', /^\/lessons\/troubleshooting\/#/);
    const box = await dialog(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
    await first.click();
    await expect(page).toHaveURL(/\/lessons\/troubleshooting\/#/);
    expect(watch.problems).toEqual([]);
  });
}

test('keyboard only: / opens it, arrows walk the results, Esc closes and focus goes back', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/introduction/');
  await page.locator('[data-mark-complete]').focus();
  await page.keyboard.press('/');
  await expect(field(page)).toBeFocused();
  await page.keyboard.type('docker ps');
  await expect(status(page)).toHaveText(/results? for “docker ps”/, { timeout: INDEX_LOAD });
  await page.keyboard.press('ArrowDown');
  await expect(dialog(page).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page.locator('[data-mark-complete]')).toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(field(page)).toBeFocused();
  expect(watch.problems).toEqual([]);
});

test('keys typed into a field stay there: / in a paste box does not open search', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/building-the-image/');
  const box = page.locator('[data-exercise="first-build"] textarea');
  await box.click();
  await page.keyboard.type('a/b');
  await expect(box).toHaveValue('a/b');
  await expect(dialog(page)).toBeHidden();
  expect(watch.problems).toEqual([]);
});

test('nothing found says so', async ({ page, watch }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  await field(page).fill('xylophonequartz');
  await expect(status(page)).toHaveText('Nothing in the lessons matches “xylophonequartz”.', {
    timeout: INDEX_LOAD,
  });
  expect(watch.problems).toEqual([]);
});

test('when the index cannot be downloaded, search says so, and tries again', async ({
  page,
  baseURL,
}) => {
  // No `watch` fixture: this test makes a request fail on purpose.
  const watch = watchPage(page, new URL(baseURL!).origin);
  let offline = true;
  await page.route(/\/pagefind\/pagefind\.js/, (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('/');
  await page.keyboard.press('/');
  await field(page).fill('image');
  await expect(status(page)).toHaveText(/^Search could not be loaded/);
  offline = false;
  await search(page, 'layers');
  expect(
    watch.problems.filter((p) => !/pagefind\.js|ERR_INTERNET_DISCONNECTED|Pagefind/.test(p)),
  ).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

for (const theme of ['light', 'dark'] as const)
  for (const size of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ])
    test(`axe finds nothing with search open and results shown, ${theme}, ${size.width} px`, async ({
      page,
      watch,
    }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/lessons/running-the-container/');
      await page.getByRole('button', { name: 'Search' }).click();
      await search(page, 'port');
      expect(await axeViolations(page)).toEqual([]);
      expect(watch.problems).toEqual([]);
    });
