/**
 * The site around the lessons (issue 10 item 8): the header's sections, the lessons index, objectives
 * with their code, "On this page" following the reader, the course's end, and spacing.
 */
import type { Page } from '@playwright/test';
import { EXERCISE_IDS } from '../../src/core/checkers/index.ts';
import { lessonPages } from './site-pages.ts';
import { expect, test } from './watch.ts';

const lessons = lessonPages();
const SIZES = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Progress as the site stores it (format 2), for a page to start from. */
function seedProgress(page: Page, exercises: Record<string, object>, lessonsDone: string[] = []) {
  const at = '2026-12-01T10:00:00.000Z';
  const progress = {
    version: 2,
    lessons: Object.fromEntries(lessonsDone.map((slug) => [slug, { completedAt: at }])),
    exercises: Object.fromEntries(
      Object.entries(exercises).map(([id, e]) => [id, { status: 'pass', at, ...e }]),
    ),
    quizzes: {},
    lastLesson: null,
  };
  return page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('layerwise:progress', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(progress));
}

for (const size of SIZES) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: size });

    for (const path of ['/', lessons[0]!, '/practice/', '/lessons/', '/complete/', '/404.html'])
      test(`${path} links to Lessons and Practice from its header`, async ({ page, watch }) => {
        await page.goto(path);
        const nav = page.getByRole('navigation', { name: 'Site' });
        await expect(nav.getByRole('link', { name: 'Lessons' })).toHaveAttribute(
          'href',
          '/lessons/',
        );
        const practice = nav.getByRole('link', { name: 'Practice' });
        await expect(practice).toHaveAttribute('href', '/practice/');
        await expect(practice).toBeInViewport();
        if (path === '/practice/') await expect(practice).toHaveAttribute('aria-current', 'page');
        else await expect(practice).not.toHaveAttribute('aria-current');
        expect(watch.problems).toEqual([]);
      });

    test('/lessons/ lists every lesson in order, with its objectives', async ({ page, watch }) => {
      await page.goto('/lessons/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lessons');
      const cards = page.locator('.lesson-card');
      await expect(cards).toHaveCount(lessons.length);
      for (const [i, href] of lessons.entries())
        await expect(cards.nth(i).getByRole('link')).toHaveAttribute('href', href);
      await expect(cards.nth(3).locator('.lesson-card-objectives code').first()).toBeVisible();
      expect(watch.problems).toEqual([]);
    });
  });
}

test('the home page leads to Practice', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.locator('main a[href="/practice/"]')).toHaveCount(1);
  expect(watch.problems).toEqual([]);
});

for (const path of lessons)
  test(`${path}: objectives show their inline code as code, never backticks`, async ({
    page,
    watch,
  }) => {
    await page.goto(path);
    const objectives = page.getByRole('region', { name: 'In this lesson you will' });
    await expect(objectives).not.toContainText('`');
    if (path === '/lessons/demo-fastapi-project/')
      await expect(objectives.locator('code', { hasText: 'python -m venv' })).toBeVisible();
    expect(watch.problems).toEqual([]);
  });

test('"On this page" marks the section in view as the reader scrolls', async ({ page, watch }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/lessons/running-the-container/');
  const toc = page.locator('nav.toc--aside');
  const links = toc.locator('a');
  const count = await links.count();
  expect(count).toBeGreaterThan(3);
  for (const i of [2, count - 2]) {
    const id = decodeURIComponent((await links.nth(i).getAttribute('href'))!.slice(1));
    await page.evaluate((target) => {
      const h = document.getElementById(target)!;
      window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 20);
    }, id);
    await expect(links.nth(i)).toHaveAttribute('aria-current', 'true');
    await expect(toc.locator('a[aria-current]')).toHaveCount(1);
  }
  expect(watch.problems).toEqual([]);
});

test.describe('the end of the course', () => {
  test('the last lesson leads to the course end page, and says so once done', async ({
    page,
    watch,
  }) => {
    const last = lessons[lessons.length - 1]!;
    await page.goto(last);
    const next = page
      .getByRole('navigation', { name: 'Previous and next lessons' })
      .locator('a.next');
    await expect(next).toHaveAttribute('href', '/complete/');
    await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
    await expect(page.getByText('That was the last lesson.')).toBeVisible();
    await page.getByRole('link', { name: 'See what you can do now' }).click();
    await expect(page).toHaveURL(/\/complete\/$/);
    expect(watch.problems).toEqual([]);
  });

  test('the course end page: what the learner can do, each exercise and where it was proven, what next, the progress file', async ({
    page,
    watch,
  }) => {
    await seedProgress(page, {
      'demo-app-runs': { mark: 'verified', source: 'paste' },
      'first-build': { mark: 'verified', source: 'engine' },
      'image-listed': { mark: 'practised', source: 'sandbox' },
    });
    await page.goto('/complete/');
    await expect(page.getByRole('heading', { name: 'What you can do now' })).toBeVisible();
    const item = (title: string) => page.locator('.complete-exercises li', { hasText: title });
    await expect(item('Run the app without Docker')).toContainText('✓ Verified on your machine');
    await expect(item('Build the image')).toContainText('✓ Verified on your Docker');
    await expect(item('Find your image')).toContainText(
      '✓ Practised in the browser terminal (now check it on your Docker too)',
    );
    await expect(item('Reach the app in the container')).toContainText('Not checked yet.');
    await expect(item('Reach the app in the container').getByRole('link')).toHaveAttribute(
      'href',
      '/lessons/running-the-container/#exercise-app-reachable-title',
    );
    await expect(page.locator('[data-exercise-summary]')).toHaveText(
      new RegExp(
        `^2 of ${EXERCISE_IDS.length} exercises verified on your own machine or Docker, 1 exercise practised in the browser terminal only\\.`,
      ),
    );
    await expect(page.getByRole('link', { name: 'Practice', exact: true }).last()).toBeVisible();
    const panel = page.getByRole('region', { name: 'Your progress' });
    await expect(panel.getByRole('button', { name: 'Save progress to a file' })).toBeVisible();
    expect(watch.problems).toEqual([]);
  });
});

test.describe('"done" says why, and undo undoes', () => {
  test('a lesson the learner marked can be unmarked, and stays so after a reload', async ({
    page,
    watch,
  }) => {
    await page.goto(lessons[0]!);
    await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
    await expect(page.getByText('✓ You marked this lesson as done.')).toBeVisible();
    await page.getByRole('button', { name: 'Mark as not done' }).click();
    await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toBeVisible();
    await expect(page.getByText('✓ You marked this lesson as done.')).toBeHidden();
    expect(watch.problems).toEqual([]);
  });

  test('a lesson done through its exercises says so, and offers no undo that cannot work', async ({
    page,
    watch,
  }) => {
    await seedProgress(page, {
      'container-running': { mark: 'verified', source: 'paste' },
      'app-reachable': { mark: 'verified', source: 'paste' },
    });
    await page.goto('/lessons/running-the-container/');
    await expect(page.getByText('✓ Done: all 2 of its exercises passed.')).toBeVisible();
    await expect(page.locator('[data-mark-complete]')).toBeHidden();
    expect(watch.problems).toEqual([]);
  });
});

test.describe('spacing', () => {
  const gap = (page: Page, above: string, below: string) =>
    page.evaluate(
      ([a, b]) => {
        const upper = document.querySelector(a!)!.getBoundingClientRect();
        const lower = document.querySelector(b!)!.getBoundingClientRect();
        return lower.top - upper.bottom;
      },
      [above, below],
    );

  test('/practice/: words keep their spaces, and the heading clears the header', async ({
    page,
    watch,
  }) => {
    await page.goto('/practice/');
    const text = await page.locator('.practice').innerText();
    expect(text).not.toMatch(/\w`|`\w|[a-z](?:docker|curl) /);
    await expect(page.locator('.practice')).toContainText('build the image: docker build');
    expect(await gap(page, '.site-header', '.practice h1')).toBeGreaterThanOrEqual(16);
    expect(watch.problems).toEqual([]);
  });

  test('the home progress box has no empty band above its heading', async ({ page, watch }) => {
    await page.goto('/');
    const inset = await page.evaluate(() => {
      const box = document.querySelector('.progress-panel')!.getBoundingClientRect();
      const h = document.querySelector('.progress-panel h2')!.getBoundingClientRect();
      return h.top - box.top;
    });
    expect(inset).toBeLessThanOrEqual(20);
    expect(watch.problems).toEqual([]);
  });

  test('tables and code frames never touch', async ({ page, watch }) => {
    // Neighbours anywhere in the lesson, OS tabs' panels included (the visible one).
    for (const lesson of ['running-the-container', 'troubleshooting']) {
      await page.goto(`/lessons/${lesson}/`);
      const touching = await page.evaluate(() => {
        const blocks = [...document.querySelectorAll('.prose table, .prose .expressive-code')];
        const out: string[] = [];
        for (const b of blocks) {
          const prev = b.previousElementSibling;
          if (!prev || !blocks.includes(prev)) continue;
          const [pa, pb] = [prev.getBoundingClientRect(), b.getBoundingClientRect()];
          if (pa.height && pb.height && pb.top - pa.bottom < 12)
            out.push(`${prev.tagName} → ${b.tagName}: ${pb.top - pa.bottom}px`);
        }
        return out;
      });
      expect(touching, lesson).toEqual([]);
    }
    expect(watch.problems).toEqual([]);
  });
});
