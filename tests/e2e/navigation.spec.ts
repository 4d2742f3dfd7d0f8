import { lessonPages } from './site-pages.ts';
import { expect, test } from './watch.ts';

const lessons = lessonPages();
const first = lessons[0]!;

test('keyboard only: the skip link comes first and moves focus to the lesson', async ({
  page,
  watch,
}) => {
  await page.goto(first);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  expect(watch.problems).toEqual([]);
});

/** Tabs until the focused element matches, or gives up after `limit` presses. */
async function tabTo(
  page: import('@playwright/test').Page,
  matches: (el: { name: string; href: string | null; rel: string | null }) => boolean,
  limit = 120,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        name: a?.textContent?.trim().replace(/\s+/g, ' ') ?? '',
        href: a?.getAttribute('href') ?? null,
        rel: a?.getAttribute('rel') ?? null,
      };
    });
    if (matches(el)) return el;
  }
  return null;
}

test('keyboard only: every lesson in the sidebar is reachable, the current one marked', async ({
  page,
  watch,
}) => {
  await page.goto(first);
  const sidebar = page.getByRole('navigation', { name: 'Lessons' });
  await expect(sidebar.locator('[aria-current="page"]')).toHaveAttribute('href', first);
  const reached = new Set<string>();
  // One pass of Tab through the page: every sidebar link must come up.
  for (let i = 0; i < lessons.length + 10 && reached.size < lessons.length; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() =>
      document.activeElement?.closest('nav[aria-label="Lessons"]')
        ? document.activeElement.getAttribute('href')
        : null,
    );
    if (href) reached.add(href);
  }
  expect([...reached].sort()).toEqual([...lessons].sort());
  expect(watch.problems).toEqual([]);
});

test('keyboard only: Previous and Next are reachable, and Enter follows them', async ({
  page,
  watch,
}) => {
  const middle = Math.floor(lessons.length / 2);
  await page.goto(lessons[middle]!);
  // From the control just before them: tabbing through the whole lesson proves nothing more.
  await page.locator('[data-mark-complete]').focus();
  expect(await tabTo(page, (el) => el.rel === 'prev', 5), 'Tab reaches Previous').toMatchObject({
    href: lessons[middle - 1],
  });
  expect(
    await tabTo(page, (el) => el.rel === 'next', 5),
    'Tab reaches Next right after it',
  ).toMatchObject({ href: lessons[middle + 1] });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${lessons[middle + 1]!}$`));
  expect(watch.problems).toEqual([]);
});

for (const [i, path] of lessons.entries()) {
  test(`previous and next links lead through the course in order: ${path}`, async ({
    page,
    watch,
  }) => {
    const pager = page.getByRole('navigation', { name: 'Previous and next lessons' });
    await page.goto(path, { waitUntil: 'domcontentloaded' });
    if (i > 0)
      await expect(pager.locator('a[rel="prev"]')).toHaveAttribute('href', lessons[i - 1]!);
    await expect(pager.locator('a[rel="next"]')).toHaveAttribute(
      'href',
      i < lessons.length - 1 ? lessons[i + 1]! : '/complete/',
    );
    expect(watch.problems).toEqual([]);
  });
}

test('the home page lists every lesson with its summary and time', async ({ page, watch }) => {
  await page.goto('/');
  const cards = page.locator('.lesson-card');
  await expect(cards).toHaveCount(lessons.length);
  for (const [i, href] of lessons.entries()) {
    const card = cards.nth(i);
    await expect(card.getByRole('link')).toHaveAttribute('href', href);
    await expect(card.locator('.meta')).toHaveText(/about \d+ min/);
  }
  expect(watch.problems).toEqual([]);
});

test('progress: the home page offers to continue where the learner left off, and marks done lessons', async ({
  page,
  watch,
}) => {
  const last = lessons[lessons.length - 1]!;
  await page.goto(last);
  await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Lesson marked as done.' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Lessons' })
      .locator(`[data-lesson-item] a[href="${last}"] [data-done-mark]`),
  ).toBeVisible();
  await page.goto('/');
  const resume = page.getByRole('link', { name: /^Continue where you left off/ });
  await expect(resume).toHaveAttribute('href', last);
  await expect(page.locator(`.lesson-card:has(a[href="${last}"]) [data-done-mark]`)).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('progress: save it to a file, lose it, load it back', async ({ page, watch }) => {
  await page.goto(lessons[0]!);
  await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  await expect(panel).toContainText(`1 of ${lessons.length} lessons done`);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save progress to a file' }).click();
  const file = await (await download).path();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(panel).toContainText(`0 of ${lessons.length} lessons done`);
  await panel.getByLabel('Load progress from a file').setInputFiles(file);
  await expect(panel.getByRole('status')).toContainText('your progress now includes it');
  await expect(panel).toContainText(`1 of ${lessons.length} lessons done`);
  await expect(
    page.locator(`.lesson-card:has(a[href="${lessons[0]!}"]) [data-done-mark]`),
  ).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('progress: a file that is not progress is refused with a message', async ({ page, watch }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  await panel.getByLabel('Load progress from a file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('hello'),
  });
  await expect(panel.getByRole('status')).toHaveText(
    'That file is not a Layerwise progress file (it is not JSON). Nothing was imported.',
  );
  expect(watch.problems).toEqual([]);
});
