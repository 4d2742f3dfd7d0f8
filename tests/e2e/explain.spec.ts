import { fixture } from './exercise-helpers.ts';
import { axeViolations, expect, test } from './watch.ts';

test('the header links to /explain/, and its first load does not fetch the parser', async ({
  page,
  watch,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Site' })
    .getByRole('link', { name: 'Explain output' })
    .click();
  await expect(page).toHaveURL(/\/explain\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explain my output');
  const before = scripts.length;
  await page.getByLabel('What your terminal printed').focus();
  // Focusing the box starts loading the reader: more script arrives only now.
  await expect.poll(() => scripts.length).toBeGreaterThan(before);
  expect(watch.problems).toEqual([]);
});

test('a paste is read part by part and line by line, by keyboard, unread lines marked', async ({
  page,
  watch,
}) => {
  await page.goto('/explain/');
  const input = page.getByLabel('What your terminal printed');
  await input.fill(
    `some notes I took\n$ docker version\n${fixture('lab/version-permission-denied')}${fixture('lab/session-port-errors')}`,
  );
  await input.press('Control+Enter');
  await expect(page.getByRole('status')).toHaveText(/^Read \d+ parts of the paste\.$/);
  const parts = page.locator('.explain-part');
  await expect(parts.first()).toContainText(
    'No engine answered the docker command (permission denied).',
  );
  await expect(parts.first()).toContainText('sudo usermod -aG docker $USER');
  await expect(page.locator('.explain-part', { hasText: 'port allocated' })).toContainText(
    'Host port 8483 is already taken by another container.',
  );
  const lines = page.getByRole('region', { name: 'Each line of the paste' });
  await expect(lines.locator('tr', { hasText: 'some notes I took' })).toContainText('not read');
  await expect(lines.locator('tr', { hasText: 'API version:' }).first()).toContainText('engine');
  expect(await axeViolations(page)).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('pasted text is only ever text, and an empty paste gets a clear message', async ({
  page,
  watch,
}) => {
  await page.goto('/explain/');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.getByRole('status')).toHaveText('Paste an output first: the box is empty.');
  await page
    .getByLabel('What your terminal printed')
    .fill('<img src=x onerror="window.__pwned=1">\n' + fixture('lab/run-crlf-script'));
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.locator('.explain-part').first()).toContainText("A container's log");
  expect(await page.locator('.explain-result img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(watch.problems).toEqual([]);
});
