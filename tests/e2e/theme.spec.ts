import type { Page } from '@playwright/test';
import { expect, test } from './watch.ts';

const theme = (page: Page) => page.getByLabel('Theme');
const html = (page: Page) => page.locator('html');

test('says what it does and shows the choice: System until the learner picks', async ({
  page,
  watch,
}) => {
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(html(page)).toHaveAttribute('data-theme', scheme);
    await expect(theme(page)).toHaveValue('system');
    await expect(theme(page).locator('option:checked')).toHaveText('System');
  }
  expect(watch.problems).toEqual([]);
});

test('System follows the operating system live, without a reload', async ({ page, watch }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/lessons/');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  expect(watch.problems).toEqual([]);
});

test('a choice persists across a reload and other pages, against the system setting, and System undoes it', async ({
  page,
  watch,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await theme(page).selectOption('dark');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await expect(theme(page)).toHaveValue('dark');
  await page.goto('/404.html');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
  await theme(page).selectOption('system');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await page.goto('/');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(theme(page)).toHaveValue('system');
  expect(watch.problems).toEqual([]);
});

test('the keyboard reaches it and changes it', async ({ page, watch }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await theme(page).focus();
  await expect(theme(page)).toBeFocused();
  await theme(page).press('ArrowDown');
  await expect(html(page)).toHaveAttribute('data-theme', 'light');
  await expect(theme(page)).toHaveValue('light');
  await theme(page).press('ArrowDown');
  await expect(html(page)).toHaveAttribute('data-theme', 'dark');
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
