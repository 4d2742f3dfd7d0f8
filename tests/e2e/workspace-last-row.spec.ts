/**
 * A phone in portrait (issue 10 item 6; walkthrough item 16): the whole last row of the terminal
 * is visible (inside its pane, and on screen with the key bar), also when the on-screen keyboard
 * takes half the screen (the visual viewport shrinks: here, the window does, which is what a
 * keyboard does to what the page can show).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './watch.ts';
import { openWorkspace, PHONE, PRACTICE, PROMPT, run } from './workspace-helpers.ts';

/** Where the terminal's last row is, against its pane's inside and the visible screen. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('.ws-xterm:not([hidden])')!;
    const rows = pane.querySelectorAll('.xterm-rows > div');
    const last = rows[rows.length - 1]!;
    const row = last.getBoundingClientRect();
    const box = pane.getBoundingClientRect();
    const style = getComputedStyle(pane);
    const bar = document.querySelector('.ws-keybar')!.getBoundingClientRect();
    const screen = globalThis.visualViewport!;
    return {
      text: last.textContent ?? '',
      rowTop: row.top,
      rowBottom: row.bottom,
      paneInside:
        box.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom),
      barTop: bar.top,
      screenTop: screen.offsetTop,
      screenBottom: screen.offsetTop + screen.height,
    };
  });

async function expectLastRowVisible(page: Page) {
  // A phone brings the input being typed into on screen; the terminal's input sits on the cursor's row.
  await page
    .locator('.xterm-helper-textarea')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
  const m = await measure(page);
  expect(m.text.trim(), 'the last row holds the prompt').toBe(PROMPT);
  expect(m.rowBottom, 'the last row ends inside the pane').toBeLessThanOrEqual(m.paneInside + 0.5);
  expect(m.rowBottom, 'the last row ends on screen').toBeLessThanOrEqual(m.screenBottom + 0.5);
  expect(m.barTop, 'the key bar is on screen with it').toBeGreaterThanOrEqual(m.screenTop - 0.5);
}

test.describe('phone, 390×844', () => {
  test.use(PHONE);

  test('the whole last row is visible, with the key bar, also with the on-screen keyboard up', async ({
    page,
    watch,
  }) => {
    await page.goto(PRACTICE);
    await openWorkspace(page);
    await run(page, 'seq 1 60', '60');
    await expectLastRowVisible(page);

    // The on-screen keyboard (and its suggestions row): about 380 px of the screen are left.
    await page.setViewportSize({ width: 390, height: 380 });
    await run(page, 'seq 1 60', '60');
    await expectLastRowVisible(page);
    expect(watch.problems).toEqual([]);
  });
});
