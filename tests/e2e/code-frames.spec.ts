/**
 * Wide terminal output keeps its columns and scrolls sideways in a named frame the keyboard can
 * scroll; diagrams too on a phone, with a visible cue; tables reflow instead.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './watch.ts';

const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** How many rendered lines an element takes, from its height and its line height. */
const renderedLines = (line: Locator) =>
  line.evaluate((el) => {
    const style = getComputedStyle(el);
    return Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight));
  });

const frameWith = (page: Page, command: string) =>
  page.locator('figure.frame.is-terminal', { hasText: command }).first().locator('pre');

/** Focuses an element with Tab from just before it, as a keyboard user would reach it. */
async function tabInto(page: Page, target: Locator) {
  await target.evaluate((el) => {
    const before = document.createElement('button');
    before.textContent = 'start';
    before.dataset['testStart'] = '';
    el.before(before);
    before.focus();
  });
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

for (const size of SIZES) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a BuildKit step stays on one line with its time', async ({ page, watch }) => {
      await page.goto('/lessons/building-the-image/');
      const frame = frameWith(page, '$ docker build -t demo-image:latest .');
      const step = frame.locator('.ec-line', { hasText: '[5/5] COPY ./app /demo/app' }).first();
      await expect(step).toContainText('0.1s');
      expect(await renderedLines(step)).toBe(1);
      expect(watch.problems).toEqual([]);
    });

    test('docker ps keeps its table: every row on one line', async ({ page, watch }) => {
      await page.goto('/lessons/running-the-container/');
      const frame = page
        .locator('figure.frame.is-terminal', { hasText: 'CONTAINER ID' })
        .first()
        .locator('pre');
      for (const text of ['CONTAINER ID', '0.0.0.0:8000->8000/tcp'])
        expect(await renderedLines(frame.locator('.ec-line', { hasText: text }).first())).toBe(1);
      expect(watch.problems).toEqual([]);
    });

    test('a frame wider than the column is a named group the keyboard scrolls', async ({
      page,
      watch,
    }) => {
      await page.goto('/lessons/building-the-image/');
      const frame = frameWith(page, '$ docker build -t demo-image:latest .');
      expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await expect(frame).toHaveAttribute('role', 'group');
      await expect(frame).toHaveAccessibleName(
        'Terminal: docker build -t demo-image:latest . (scrolls sideways)',
      );
      await tabInto(page, frame);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      expect(watch.problems).toEqual([]);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a diagram wider than the screen scrolls by keyboard and says so', async ({
    page,
    watch,
  }) => {
    await page.goto('/lessons/running-the-container/');
    const scroller = page.locator('.diagram-scroll').first();
    await expect(scroller).toHaveAccessibleName(/^Diagram: .+ \(scrolls sideways\)$/);
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(page.locator('.diagram-hint').first()).toBeVisible();
    await tabInto(page, scroller);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(watch.problems).toEqual([]);
  });

  test('tables reflow to the column instead of scrolling', async ({ page, watch }) => {
    for (const path of ['/lessons/building-the-image/', '/lessons/running-the-container/']) {
      await page.goto(path);
      // How far each table's widest row reaches past the column it sits in.
      const widths = await page.locator('.prose table').evaluateAll((tables) =>
        tables.map((t) => {
          const column = t.closest('.prose')!.getBoundingClientRect().right;
          const cells = [...t.querySelectorAll('td, th')].map(
            (c) => c.getBoundingClientRect().right,
          );
          return Math.max(...cells) - column;
        }),
      );
      expect(widths.length).toBeGreaterThan(0);
      for (const over of widths) expect(over).toBeLessThanOrEqual(0.5);
    }
    expect(watch.problems).toEqual([]);
  });
});

test('on a desktop the whole diagram shows, without the scroll hint', async ({ page, watch }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/lessons/running-the-container/');
  const scroller = page.locator('.diagram-scroll').first();
  expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(page.locator('.diagram-hint').first()).toBeHidden();
  expect(watch.problems).toEqual([]);
});
