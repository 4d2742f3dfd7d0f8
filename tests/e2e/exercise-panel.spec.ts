import { readFileSync } from 'node:fs';
import { fixture, pasteAndCheck } from './exercise-helpers.ts';
import { expect, test, watchPage } from './watch.ts';

const LESSON = '/lessons/building-the-image/';

test('paste a real rebuild, check with Ctrl+Enter, read each check and the line it points at', async ({
  page,
  watch,
}) => {
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Rebuild after changing app\/main\.py/ });
  const input = panel.getByLabel('Paste what your terminal printed');
  await input.fill(fixture('lab/build-bad-order-plain'));
  await input.press('Control+Enter');
  await expect(panel.getByRole('status')).toHaveText('2 of 3 checks passed.');
  const failed = panel.locator('.verdict-check--bad');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('before the install');
  await expect(failed.locator('.verdict-line')).toContainText('[3/4] COPY . /demo');
  expect(watch.problems).toEqual([]);
});

test('a passing check is kept as "verified on your Docker", and marks survive a reload', async ({
  page,
  watch,
}) => {
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Rebuild after changing app\/main\.py/ });
  await pasteAndCheck(panel, fixture('lab/build-app-edit-plain'));
  await expect(panel.getByRole('status')).toHaveText(
    'All 3 checks passed: verified on your Docker.',
  );
  // The verdict says where it counts; the mark it replaces comes back on the next visit.
  await expect(panel.locator('[data-mark]')).toBeHidden();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: /Rebuild after changing app\/main\.py/ })
      .locator('[data-mark]'),
  ).toHaveText('✓ Verified on your Docker');
  expect(watch.problems).toEqual([]);
});

test('pasted text is shown as text, never run as HTML', async ({ page, watch }) => {
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Build the image/ });
  const attack =
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n' +
    fixture('lab/build-run-failed-plain');
  await pasteAndCheck(panel, attack);
  await expect(panel.getByRole('status')).toHaveText('0 of 3 checks passed.');
  expect(await panel.locator('.exercise-result img, .exercise-result script').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(watch.problems).toEqual([]);
});

test("another command's output is named, with what to paste instead", async ({ page, watch }) => {
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Build the image/ });
  await pasteAndCheck(panel, fixture('lab/ps'));
  await expect(panel.getByRole('status')).toHaveText(
    'This looks like the output of docker ps. This exercise reads the output of docker build.',
  );
  expect(watch.problems).toEqual([]);
});

test('an empty paste gets a message, not a verdict', async ({ page, watch }) => {
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Build the image/ });
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Paste the output first: the box is empty.');
  expect(watch.problems).toEqual([]);
});

test('the checkers load only when the learner first uses a panel', async ({ page, watch }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(LESSON, { waitUntil: 'networkidle' });
  const before = scripts.length;
  await page
    .getByRole('region', { name: /Build the image/ })
    .getByLabel('Paste what your terminal printed')
    .focus();
  await expect.poll(() => scripts.length).toBeGreaterThan(before);
  expect(watch.problems).toEqual([]);
});

test('a reading-only lesson loads no exercise code', async ({ page, watch }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  // Next steps has no exercise and no workspace (the introduction now holds docker-answers).
  await page.goto('/lessons/next-steps/', { waitUntil: 'networkidle' });
  expect(scripts.filter((s) => /exercise|checkers|verdict/i.test(s))).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('served by a static host (no local API tag), no panel offers "Check my Docker"', async ({
  page,
  watch,
}) => {
  await page.route(LESSON, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<meta name="layerwise-local-api"[^>]*>/, '');
    await route.fulfill({ response, body: html });
  });
  await page.goto(LESSON);
  await expect(page.locator('[data-exercise] [data-check]').first()).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Check my Docker' })).toHaveCount(0);
  // ...and says in one line why, with the command that checks the same on the learner's machine
  const note = page.locator('[data-exercise="first-build"] [data-hosted-note]');
  await expect(note).toBeVisible();
  await expect(note).toHaveText(/cannot read your Docker.*npx layerwise verify first-build/);
  expect(watch.problems).toEqual([]);
});

test('exercises the engine cannot judge never offer it', async ({ page, watch }) => {
  await page.goto('/lessons/writing-the-dockerfile/');
  await expect(page.locator('[data-exercise="dockerfile-written"] [data-check]')).toBeEnabled();
  await expect(
    page
      .locator('[data-exercise="dockerfile-written"]')
      .getByRole('button', { name: 'Check my Docker' }),
  ).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test('a pasted Dockerfile is judged in the browser too (the Dockerfile parser runs there)', async ({
  page,
  watch,
}) => {
  const dockerfile = readFileSync(
    new URL('../../content/workspace/solution/Dockerfile', import.meta.url),
    'utf8',
  );
  await page.goto('/lessons/writing-the-dockerfile/');
  const panel = page.locator('[data-exercise="dockerfile-written"]');
  await pasteAndCheck(panel, `$ cat Dockerfile\n${dockerfile}`);
  await expect(panel.getByRole('status')).toHaveText(
    /^All \d+ checks passed: verified on your machine\.$/,
  );
  await pasteAndCheck(panel, dockerfile.replace('0.0.0.0', '127.0.0.1'));
  await expect(panel.locator('.verdict-check--bad')).toContainText('127.0.0.1');
  expect(watch.problems).toEqual([]);
});

test('when the checkers cannot be downloaded, the panel says so, and the next Check tries again', async ({
  page,
  baseURL,
}) => {
  // No `watch` fixture: this test makes a request fail on purpose.
  const watch = watchPage(page, new URL(baseURL!).origin);
  let offline = true;
  // Any URL of the checkers' chunk: a retry asks for it with a query (see src/core/lazy-module.ts).
  await page.route(/\/_astro\/checkers\.[\w-]+\.js(\?.*)?$/, async (route) =>
    offline ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Rebuild after changing app\/main\.py/ });
  await panel
    .getByLabel('Paste what your terminal printed')
    .fill(fixture('lab/build-app-edit-plain'));
  const check = panel.getByRole('button', { name: 'Check', exact: true });
  await check.click();
  await expect(panel.getByRole('status')).toHaveText(/^The checker could not be loaded/);
  await expect(panel.locator('.exercise-error')).toHaveText(
    /Check the connection and try again\.$/,
  );
  offline = false;
  await check.click();
  await expect(panel.getByRole('status')).toHaveText(
    'All 3 checks passed: verified on your Docker.',
  );
  // The refused download shows as a failed request and Chromium's console line about it; nothing else.
  const expected = (p: string) =>
    /checkers\.[\w-]+\.js(\?retry=\d+)? \(net::ERR_INTERNET_DISCONNECTED\)$|^console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(
      p,
    );
  expect(watch.problems.filter((p) => !expected(p))).toEqual([]);
  expect(watch.problems.length).toBeGreaterThan(0);
});
