/**
 * More than one terminal (issue 10 item 3; walkthrough item 7): tabs on the same simulated
 * machine, each with its own shell; a later tab closes when its shell exits; a server in the
 * foreground of one answers curl from another and stops on Ctrl+C. Also the line above the
 * terminal that says Python is starting, which never enters the terminal's output.
 */
import { scaled } from '../machine-pace.ts';
import { expect, test } from './watch.ts';
import {
  DEVICES,
  openWorkspace,
  PRACTICE,
  PROMPT,
  PYTHON_START,
  run,
  terminalText,
} from './workspace-helpers.ts';

for (const [device, use] of DEVICES) {
  test.describe(device, () => {
    test.use(use);

    test('New terminal opens a second shell in a tab; arrows move between tabs; exit closes it', async ({
      page,
      watch,
    }) => {
      await page.goto(PRACTICE);
      await openWorkspace(page);
      const tabs = page.getByRole('tablist', { name: 'Terminals' });
      const first = tabs.getByRole('tab', { name: 'Terminal 1' });
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await run(page, 'cd app', 'learner@layerwise:~/demo/app$');

      await page.getByRole('button', { name: 'New terminal' }).click();
      const second = tabs.getByRole('tab', { name: 'Terminal 2' });
      await expect(second).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('.xterm-helper-textarea').last()).toBeFocused();
      await expect.poll(() => terminalText(page)).toBe(PROMPT);
      // Its own shell (its own directory), on the same machine (the same files).
      await run(page, 'pwd && touch from-two.txt', '/home/learner/demo\n');

      await second.focus();
      await page.keyboard.press('ArrowLeft');
      await expect(first).toBeFocused();
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect.poll(() => terminalText(page)).toContain('~/demo/app$');
      await page.keyboard.press('End');
      await expect(second).toHaveAttribute('aria-selected', 'true');
      // Enter on a tab takes the keyboard into its terminal.
      await page.keyboard.press('Enter');
      await expect(page.locator('.xterm-helper-textarea').last()).toBeFocused();

      await page.keyboard.type('exit');
      await page.keyboard.press('Enter');
      await expect(second).toHaveCount(0);
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect(page.locator('[data-workspace-status]')).toHaveText(
        'Terminal 2 closed: its shell exited.',
      );
      await expect(page.locator('.xterm-helper-textarea').first()).toBeFocused();
      await run(page, 'ls ..', 'from-two.txt');
      // The first terminal always has a shell: exit starts a new one in the same tab.
      await run(page, 'exit', '[the shell exited; a new one started in ~/demo]');
      await expect(first).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        page.viewportSize()!.width,
      );
      expect(watch.problems).toEqual([]);
    });
  });
}

test('a server in the foreground of one tab answers curl from another; Ctrl+C stops it; Python says it is starting above the terminal', async ({
  page,
  watch,
}) => {
  test.setTimeout(PYTHON_START + scaled(30_000));
  await page.goto(PRACTICE);
  await openWorkspace(page);
  await run(page, 'docker build -t demo-image .', 'naming to docker.io/library/demo-image');
  const status = page.getByRole('region', { name: 'Terminal', exact: true }).getByRole('status');
  await expect(status).toBeHidden();
  await page.keyboard.type('docker run -p 8000:8000 --name web demo-image');
  await page.keyboard.press('Enter');
  // The first app start loads CPython: the line says so while it loads, outside the terminal.
  await expect(status).toHaveText(/^Starting Python \(first time: about \d+ MB\)…$/);
  await expect
    .poll(() => terminalText(page), { timeout: PYTHON_START })
    .toContain('Application startup complete.');
  await expect(status).toBeHidden();
  expect(await terminalText(page)).not.toContain('Starting Python');

  // Typed while the server holds the terminal: echoed, as a terminal in cooked mode does.
  await page.keyboard.type('ls');
  await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('ls')).toBe(true);

  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect.poll(() => terminalText(page)).toBe(PROMPT);
  await run(page, 'curl -s localhost:8000', '"Welcome to root"');
  await page.getByRole('tab', { name: 'Terminal 1' }).click();
  await expect.poll(() => terminalText(page)).toContain('"GET / HTTP/1.1" 200 OK');
  await page.keyboard.press('Control+C');
  await expect.poll(() => terminalText(page)).toContain('Finished server process');
  await expect.poll(async () => (await terminalText(page)).trimEnd().endsWith('$')).toBe(true);
  expect(watch.problems).toEqual([]);
});
