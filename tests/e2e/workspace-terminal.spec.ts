/**
 * The terminal as a learner types in it (issue 10 item 2; walkthrough items 2, 15): a command
 * longer than the terminal is one line that wraps, redrawn in place on every key, on a laptop
 * (lesson column, 80 columns) and on a phone (about 36 columns); Ctrl+R finds an older command;
 * `help` fits the terminal's width; a `while` loop with `sleep 1` runs in real time until Ctrl+C.
 */
import { expect, test } from './watch.ts';
import {
  count,
  DEVICES,
  openWorkspace,
  PRACTICE,
  PROMPT,
  run,
  terminalSize,
  terminalText,
} from './workspace-helpers.ts';

const LONG = 'docker run -d --name demo -p 127.0.0.1:8000:8000 --rm demo-image:latest';

for (const [device, use] of DEVICES) {
  test.describe(device, () => {
    test.use(use);

    test('a long command wraps as one line: typing, Backspace, ← and → redraw it in place', async ({
      page,
      watch,
    }) => {
      await page.goto(PRACTICE);
      await openWorkspace(page);
      const { cols } = await terminalSize(page);
      expect(cols).toBeGreaterThanOrEqual(30);
      expect(PROMPT.length + 1 + LONG.length).toBeGreaterThan(cols);
      for (const key of LONG) await page.keyboard.type(key);
      await expect.poll(() => terminalText(page)).toContain(`${PROMPT} ${LONG}`);
      for (let i = 0; i < 8; i++) await page.keyboard.press('Backspace');
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.type('X');
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Home');
      await page.keyboard.press('End');
      const expected = LONG.slice(0, -8);
      const edited = `${expected.slice(0, -20)}X${expected.slice(-20)}`;
      await expect.poll(() => terminalText(page)).toContain(`${PROMPT} ${edited}`);
      const text = await terminalText(page);
      expect(count(text, PROMPT), text).toBe(1);
      expect(text.trimEnd()).toBe(`${PROMPT} ${edited}`);
      expect(watch.problems).toEqual([]);
    });

    test('a pasted command, ↑ for the history and Ctrl+R to search it, each one line', async ({
      page,
      watch,
    }) => {
      await page.goto(PRACTICE);
      await openWorkspace(page);
      await page.keyboard.insertText(`echo ${LONG}`);
      await page.keyboard.press('Enter');
      await expect.poll(async () => count(await terminalText(page), PROMPT)).toBe(2);
      await run(page, 'pwd', '/home/learner/demo');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect
        .poll(async () => (await terminalText(page)).trimEnd().endsWith(`echo ${LONG}`))
        .toBe(true);
      await page.keyboard.press('Control+U');
      await page.keyboard.press('Control+R');
      await page.keyboard.type('127.0');
      await expect
        .poll(async () => (await terminalText(page)).split('\n').at(-1))
        .toBe(`(reverse-i-search)\`127.0': echo ${LONG}`);
      await page.keyboard.press('Enter');
      await expect.poll(async () => count(await terminalText(page), PROMPT)).toBe(4);
      const text = await terminalText(page);
      expect(text.split('\n').slice(-3)).toEqual([`${PROMPT} echo ${LONG}`, LONG, `${PROMPT}`]);
      expect(watch.problems).toEqual([]);
    });

    test('`help` fits the terminal: no line is wider than it', async ({ page, watch }) => {
      await page.goto(PRACTICE);
      await openWorkspace(page);
      const out = await run(page, 'help', 'here-documents');
      const { cols } = await terminalSize(page);
      for (const line of out.split('\n').slice(1, -1))
        expect(line.length, line).toBeLessThanOrEqual(cols);
      expect(out).not.toMatch(/\bsta\nrt|cp\n \[-r\]/);
      expect(watch.problems).toEqual([]);
    });
  });
}

test('a while loop with sleep 1 prints about a line a second until Ctrl+C ends it with 130', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openWorkspace(page);
  await page.keyboard.type('i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 1; done');
  const started = Date.now();
  await page.keyboard.press('Enter');
  await expect.poll(() => terminalText(page)).toContain('tick 2');
  await page.keyboard.press('Control+C');
  const elapsed = (Date.now() - started) / 1000;
  await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('$')).toBe(true);
  // A sleep that did not wait would have printed thousands of ticks by now.
  const ticks = count(await terminalText(page), 'tick ') - 1;
  expect(ticks).toBeGreaterThanOrEqual(2);
  expect(ticks).toBeLessThanOrEqual(Math.ceil(elapsed) + 1);
  await run(page, 'echo $?', '130');
  expect(watch.problems).toEqual([]);
});
