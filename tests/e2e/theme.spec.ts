import { expect, test } from './watch.ts';

const toggle = (page: import('@playwright/test').Page) =>
  page.getByRole('button', { name: 'Dark theme' });

test('follows the system setting when the learner has not chosen', async ({ page, watch }) => {
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(toggle(page)).toHaveAttribute('aria-pressed', String(scheme === 'dark'));
  }
  expect(watch.problems).toEqual([]);
});

test('the choice persists across a reload and other pages, against the system setting', async ({
  page,
  watch,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await toggle(page).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/404.html');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(watch.problems).toEqual([]);
});

test('no flash of the wrong theme: the theme is set before the body exists', async ({
  page,
  watch,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    localStorage.setItem('layerwise:theme', 'dark');
    const seen = () => {
      if (!document.body) return false;
      (window as unknown as { themeAtBody: string | undefined }).themeAtBody =
        document.documentElement.dataset['theme'];
      return true;
    };
    if (!seen()) {
      const observer = new MutationObserver(() => seen() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true });
    }
  });
  await page.goto('/lessons/introduction/');
  expect(
    await page.evaluate(
      () => (window as unknown as { themeAtBody: string | undefined }).themeAtBody,
    ),
  ).toBe('dark');
  expect(watch.problems).toEqual([]);
});
