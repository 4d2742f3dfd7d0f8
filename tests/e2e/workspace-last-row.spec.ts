/**
 * A phone in portrait (issue 10 item 6; walkthrough item 16): the whole last row of the terminal
 * is visible (inside its pane, and on screen with the key bar), also when the on-screen keyboard
 * takes half the screen (the visual viewport shrinks: here, the window does, which is what a
 * keyboard does to what the page can show).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './watch.ts';
import {
  DESKTOP,
  openWorkspace,
  PHONE,
  PRACTICE,
  PROMPT,
  run,
  terminalSize,
} from './workspace-helpers.ts';

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

/** What is not visible once the screen has settled (xterm refits after the pane resizes). */
async function hidden(page: Page): Promise<string[]> {
  // The terminal's bottom at the screen's bottom, where a phone puts the input being typed into
  // when its keyboard comes up (phone-fit.ts does the same): then the key bar must fit above it.
  await page
    .locator('.ws-xterm:not([hidden])')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const m = await measure(page);
  const wrong: string[] = [];
  if (m.text.trim() !== PROMPT)
    wrong.push(`the last row holds ${JSON.stringify(m.text)}, not the prompt`);
  if (m.rowBottom > m.paneInside + 0.5)
    wrong.push(`the last row ends at ${m.rowBottom}, below the pane's inside (${m.paneInside})`);
  if (m.rowBottom > m.screenBottom + 0.5)
    wrong.push(`the last row ends at ${m.rowBottom}, below the screen (${m.screenBottom})`);
  if (m.barTop < m.screenTop - 0.5)
    wrong.push(`the key bar starts at ${m.barTop}, above the screen (${m.screenTop})`);
  return wrong;
}

const expectLastRowVisible = (page: Page) =>
  expect
    .poll(() => hidden(page), { message: 'the whole last row and the key bar are on screen' })
    .toEqual([]);

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

test.describe('laptop, 1366 px', () => {
  test.use(DESKTOP);

  test('the terminal is as wide as its pane allows: the padding is taken off once, no column lost', async ({
    page,
    watch,
  }) => {
    await page.goto(PRACTICE);
    await openWorkspace(page);
    const { cols } = await terminalSize(page);
    const m = await page.evaluate(() => {
      const pane = document.querySelector<HTMLElement>('.ws-xterm:not([hidden])')!;
      const style = getComputedStyle(pane);
      const screen = pane.querySelector('.xterm-screen')!.getBoundingClientRect();
      const rows = pane.querySelector('.xterm-rows')!.getBoundingClientRect();
      return {
        inside: pane.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        screen: screen.width,
        left: screen.left - pane.getBoundingClientRect().left,
        rowsWidth: rows.width,
      };
    });
    const cell = m.screen / cols;
    // @xterm/addon-fit keeps 14 px (its DEFAULT_SCROLL_BAR_WIDTH) beside the columns for the scrollbar.
    const room = m.inside - 14;
    expect(cols * cell, `${cols} columns of ${cell} px fit in ${room} px`).toBeLessThanOrEqual(
      room + 0.5,
    );
    expect((cols + 1) * cell, 'one column more would not fit').toBeGreaterThan(room);
    expect(watch.problems).toEqual([]);
  });
});
