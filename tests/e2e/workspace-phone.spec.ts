/**
 * The phone's key bar (issue 10 item 6; walkthrough item 16): Tab, the arrows and Ctrl+C, which a
 * phone's on-screen keyboard lacks, reach the terminal, which keeps the focus; a laptop has no bar.
 */
import { expect, test } from './watch.ts';
import {
  DESKTOP,
  openWorkspace,
  PHONE,
  PRACTICE,
  PROMPT,
  run,
  terminalText,
} from './workspace-helpers.ts';

test.describe('phone, 390×844', () => {
  test.use(PHONE);

  test('the key bar sends Tab, ↑ and Ctrl+C to the terminal and leaves the focus there', async ({
    page,
    watch,
  }) => {
    await page.goto(PRACTICE);
    await openWorkspace(page);
    const bar = page.getByRole('toolbar', { name: 'Terminal keys' });
    await expect(bar).toBeVisible();
    // All eight keys at once, none scrolled out of sight at the bar's end (the arrows were).
    const keys = await bar.evaluate((el) => ({
      shown: el.clientWidth,
      needed: el.scrollWidth,
      right: Math.max(...[...el.children].map((k) => k.getBoundingClientRect().right)),
      wrapped: [...el.children]
        .filter((k) => {
          const label = document.createRange();
          label.selectNodeContents(k);
          return label.getClientRects().length > 1;
        })
        .map((k) => k.textContent),
    }));
    expect(keys.wrapped, 'each key shows its label on one line').toEqual([]);
    expect(keys.needed, 'the key bar needs no sideways scrolling').toBeLessThanOrEqual(keys.shown);
    expect(keys.right, 'the last key ends on the screen').toBeLessThanOrEqual(390);
    const textarea = page.locator('.xterm-helper-textarea');
    await run(page, 'echo one', 'one');
    await page.keyboard.type('cat Dockerf');
    await bar.getByRole('button', { name: 'Tab' }).tap();
    await expect.poll(() => terminalText(page)).toContain(`${PROMPT} cat Dockerfile`);
    await expect(textarea).toBeFocused();
    await bar.getByRole('button', { name: 'Ctrl+C' }).tap();
    await expect.poll(() => terminalText(page)).toMatch(/cat Dockerfile ?\^C/);
    await bar.getByRole('button', { name: 'Up arrow' }).tap();
    await expect
      .poll(async () => (await terminalText(page)).trimEnd().endsWith(`${PROMPT} echo one`))
      .toBe(true);
    await expect(textarea).toBeFocused();
    const box = (await page.locator('.ws-xterm').first().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(watch.problems).toEqual([]);
  });
});

test.describe('laptop, 1366 px', () => {
  test.use(DESKTOP);

  test('a laptop, with a keyboard, shows no key bar', async ({ page, watch }) => {
    await page.goto(PRACTICE);
    await openWorkspace(page);
    await expect(page.getByRole('toolbar', { name: 'Terminal keys' })).toBeHidden();
    expect(watch.problems).toEqual([]);
  });
});
