/**
 * <OsTabs>: Linux, macOS and Windows side by side. Detected on the first visit, chosen by mouse or
 * keyboard (ARIA tabs), remembered on every page from the first paint, readable without JavaScript.
 */
import { expect, test } from './watch.ts';
import type { Page } from '@playwright/test';

const LESSON = '/lessons/demo-fastapi-project/';
const firstTabs = (page: Page) => page.locator('[data-os-tabs]').first();
const tab = (page: Page, name: string) => firstTabs(page).getByRole('tab', { name });
const panel = (page: Page, os: string) => firstTabs(page).locator(`[role=tabpanel][data-os=${os}]`);

/** Makes the browser report another system, as Windows or a Mac would. */
const reportPlatform = (page: Page, platform: string) =>
  page.addInitScript((p) => {
    Object.defineProperty(navigator, 'platform', { get: () => p });
    Object.defineProperty(navigator, 'userAgentData', { get: () => undefined });
  }, platform);

test('the first visit opens on the system the browser reports', async ({ page }) => {
  await reportPlatform(page, 'Win32');
  await page.goto(LESSON);
  await expect(page.locator('html')).toHaveAttribute('data-os', 'windows');
  await expect(tab(page, 'Windows (PowerShell)')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'windows')).toBeVisible();
  await expect(panel(page, 'linux')).toBeHidden();
});

test('a chosen system is kept on every page, from the first paint', async ({ page }) => {
  await reportPlatform(page, 'MacIntel');
  await page.goto(LESSON);
  await expect(tab(page, 'macOS')).toHaveAttribute('aria-selected', 'true');
  await tab(page, 'Linux').click();
  await expect(tab(page, 'Linux')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page, 'linux')).toBeVisible();
  await expect(panel(page, 'macos')).toBeHidden();
  // every block on the page follows
  for (const selected of await page.locator('[role=tab][aria-selected=true]').all())
    await expect(selected).toHaveAttribute('data-os', 'linux');

  // the next page paints with it: the attribute is there before the body is
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { osAtBody?: string | undefined }).osAtBody =
        document.documentElement.dataset['os'];
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/lessons/troubleshooting/');
  expect(
    await page.evaluate(() => (window as unknown as { osAtBody?: string | undefined }).osAtBody),
  ).toBe('linux');
  await expect(firstTabs(page).getByRole('tab', { name: 'Linux' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
});

test('keyboard: arrows, Home and End move between the systems (ARIA tabs)', async ({ page }) => {
  await reportPlatform(page, 'Linux x86_64');
  await page.goto(LESSON);
  const linux = tab(page, 'Linux');
  await linux.focus();
  await expect(linux).toHaveAttribute('tabindex', '0');
  await expect(tab(page, 'macOS')).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'macOS')).toBeFocused();
  await expect(tab(page, 'macOS')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tab(page, 'Windows (PowerShell)')).toBeFocused();
  await expect(panel(page, 'windows')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(linux).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Windows (PowerShell)')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(linux).toHaveAttribute('aria-selected', 'true');
  const controls = await linux.getAttribute('aria-controls');
  await expect(page.locator(`#${controls}`)).toHaveAttribute('role', 'tabpanel');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every system is readable, each under its name, and no dead tabs', async ({ page }) => {
    await page.goto(LESSON);
    await expect(page.locator('html')).not.toHaveAttribute('data-os', /.+/);
    await expect(firstTabs(page).getByRole('tablist')).toBeHidden();
    for (const os of ['linux', 'macos', 'windows']) await expect(panel(page, os)).toBeVisible();
    await expect(
      firstTabs(page).locator('.os-tabs__name', { hasText: 'Windows (PowerShell)' }),
    ).toBeVisible();
  });
});
