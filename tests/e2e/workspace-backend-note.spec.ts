/**
 * Issue 15: on a host without cross-origin isolation (GitHub Pages sends no COOP/COEP headers) the
 * WebContainer switch hides itself and says why, in one muted line where it would be; on the
 * course's own server (isolated) the switch is there and no such line.
 */
import { join } from 'node:path';
import { servePlain, type PlainHost } from './plain-static-server.ts';
import { expect, test, watchPage } from './watch.ts';
import { DESKTOP, openWorkspace, PRACTICE } from './workspace-helpers.ts';

const SWITCH = 'Real Node.js shell (WebContainer)…';
const NOTE =
  'The real Node.js shell (WebContainer) needs this site to send cross-origin isolation headers; this host does not.';

let host: PlainHost;
test.beforeAll(async () => {
  host = await servePlain(join(process.cwd(), 'dist'), '/');
});
test.afterAll(async () => host?.close());

test.use(DESKTOP);

test('a plain static host (no COOP/COEP): no WebContainer switch, one line says why where it would be', async ({
  page,
}) => {
  const watch = watchPage(page, new URL(host.url).origin);
  await page.goto(new URL('practice/', host.url).href);
  await openWorkspace(page);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  await expect(page.getByRole('button', { name: SWITCH })).toHaveCount(0);
  const bar = page.locator('.ws-bar');
  await expect(bar.getByText(NOTE, { exact: true })).toBeVisible();
  // Muted, as the toolbar's other note is: the same colour as "Esc then Tab…".
  const colour = (selector: string) =>
    bar.locator(selector).evaluate((el) => getComputedStyle(el).color);
  expect(await colour('.ws-backend-note')).toBe(await colour('.ws-keys'));
  expect(watch.problems).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('the course’s own server (isolated): the switch is offered and no line says it is missing', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openWorkspace(page);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('button', { name: SWITCH })).toBeVisible();
  await expect(page.getByText(NOTE)).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});
