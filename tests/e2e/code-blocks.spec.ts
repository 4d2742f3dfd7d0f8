import { expect, test } from './watch.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a shell session copies only its commands, without prompts or output', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/introduction/');
  const block = page.locator('figure.frame', { hasText: '$ docker version' }).first();
  await expect(block.locator('.ec-line.output').first()).toBeVisible();
  await block.hover();
  await block.getByRole('button', { name: /copy/i }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('docker version');
  expect(watch.problems).toEqual([]);
});

test("code is highlighted at build time, in the page's HTML", async ({ request }) => {
  const html = await (await request.get('/lessons/introduction/')).text();
  expect(html).toMatch(/<pre[^>]*data-language="shellsession"/);
  expect(html).toContain('--0:'); // Expressive Code's per-token theme colours
});
