import { lessonPages, sitePages } from './site-pages.ts';
import { expect, test } from './watch.ts';

// axe on every page, both sizes and themes, with workspaces open: axe.spec.ts.

const pages = sitePages();

test('the built site has a home page, a 404 page and lessons', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  expect(lessonPages().length).toBeGreaterThan(0);
});

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    test('renders without errors and loads nothing from other hosts', async ({ page, watch }) => {
      await page.goto(path, { waitUntil: 'load' });
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('main')).toBeVisible();
      expect(watch.problems).toEqual([]);
    });

    test('is readable at 360 px wide, with no sideways scrolling', async ({ page, watch }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path, { waitUntil: 'load' });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(watch.problems).toEqual([]);
    });
  });
}

test("an unknown address answers 404 with the site's own page", async ({ page, watch }) => {
  const response = await page.goto('/this-page-does-not-exist/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
  await expect(page.getByRole('link', { name: 'Go to the lessons' })).toHaveAttribute(
    'href',
    '/lessons/',
  );
  // The browser logs the 404 it was asked to fetch; that one line is the point of this test.
  expect(watch.problems).toEqual([
    'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
  ]);
  watch.problems.length = 0;
});
