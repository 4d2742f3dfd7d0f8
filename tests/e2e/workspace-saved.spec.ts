/**
 * Nothing is lost (issue 10 item 4; walkthrough item 5): the workspace's files, the shell's
 * history and the simulated engine's images, containers and build cache come back after a reload;
 * the container that was running runs again and answers; Reset (after its confirm) restores the
 * lesson's start and forgets the saved state; a saved state of an older format is dropped with one
 * line; storage that is full or blocked says so, and the workspace keeps working.
 */
import type { Page } from '@playwright/test';
import { scaled } from '../machine-pace.ts';
import { expect, test } from './watch.ts';
import {
  DESKTOP,
  DEVICES,
  openWorkspace,
  PRACTICE,
  PROMPT,
  PYTHON_START,
  run,
  terminalText,
} from './workspace-helpers.ts';

/** The line under the workspace's toolbar that says whether the workspace is being saved. */
const savedLine = (page: Page) => page.locator('[data-pane="saved"]');

for (const [device, use] of DEVICES) {
  test.describe(device, () => {
    test.use(use);

    test('files, history, images and the running container come back after a reload; Reset starts again', async ({
      page,
      watch,
    }) => {
      test.setTimeout(2 * PYTHON_START + scaled(60_000));
      await page.goto(PRACTICE);
      await openWorkspace(page);
      // BuildKit's progress is cut to a phone's 36 columns: the image list says it was built.
      await run(page, 'docker build -t demo-image .', PROMPT, scaled(20_000));
      await run(page, 'docker images --format {{.Repository}}', 'demo-image');
      await run(page, 'docker run -d -p 8000:8000 --name web demo-image', PROMPT, PYTHON_START);
      await run(page, 'curl -s localhost:8000', '"Welcome to root"');
      await run(page, 'echo typed in the terminal > notes.txt', PROMPT);
      // An edit in the editor, and the page reloaded at once: nothing waits to be saved.
      await run(page, 'edit notes.txt', PROMPT);
      const editor = page.locator('.ws-editor .cm-content');
      await expect(editor).toContainText('typed in the terminal');
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('and a line from the editor');
      await page.reload();

      await openWorkspace(page);
      await expect(savedLine(page)).toHaveText(/restored as you left it/);
      // History: ↑ brings back the last command typed before the reload.
      await page.keyboard.press('ArrowUp');
      await expect
        .poll(async () => (await terminalText(page)).trimEnd().endsWith(`${PROMPT} edit notes.txt`))
        .toBe(true);
      await page.keyboard.press('Control+C');
      await run(page, 'cat notes.txt', 'typed in the terminal\nand a line from the editor');
      await run(page, 'docker images demo-image', 'demo-image   latest');
      // The container that was running starts again (its app imports the code again: Python loads).
      await expect
        .poll(async () => await run(page, "docker ps --format '{{.Names}} {{.Status}}'", PROMPT), {
          timeout: PYTHON_START,
        })
        .toContain('web Up');
      await run(page, 'curl -s localhost:8000', '"Welcome to root"');

      await page.getByRole('button', { name: 'Reset files…' }).click();
      await page.getByRole('button', { name: 'Reset', exact: true }).click();
      await expect(savedLine(page)).toBeEmpty();
      // Reset dropped the saved state: a reload now starts from the lesson's files on a fresh machine.
      await page.reload();
      await openWorkspace(page);
      await expect(savedLine(page)).toBeEmpty();
      const fresh = await run(page, 'ls; docker images -q demo-image | wc -l', PROMPT);
      expect(fresh).not.toContain('notes.txt');
      expect(fresh).toMatch(/\n0\n/);
      expect(watch.problems).toEqual([]);
    });
  });
}

test.describe('laptop, 1366 px', () => {
  test.use(DESKTOP);

  test('a full storage says the workspace is not saved, and the workspace keeps working', async ({
    page,
    watch,
  }) => {
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('layerwise:workspace'))
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await page.goto(PRACTICE);
    await openWorkspace(page);
    await run(page, 'echo still works > kept.txt', PROMPT);
    await expect(savedLine(page)).toHaveText(/storage for this site is full/);
    await run(page, 'cat kept.txt', 'still works');
    expect(watch.problems).toEqual([]);
  });

  test('storage blocked (private mode, site data off) says so once the workspace opens, and it works', async ({
    page,
    watch,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(PRACTICE);
    await openWorkspace(page);
    await expect(savedLine(page)).toHaveText(/blocks storage/);
    await run(page, 'echo still works', 'still works');
    expect(watch.problems).toEqual([]);
  });

  test('a saved state of an older format is dropped with one line; the lesson starts fresh', async ({
    page,
    watch,
  }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(
          'layerwise:workspace:practice',
          JSON.stringify({ format: 0, files: { 'notes.txt': 'old' } }),
        );
      }
    });
    await page.goto(PRACTICE);
    await openWorkspace(page);
    await expect(savedLine(page)).toHaveText(/earlier version/);
    expect(await run(page, 'ls', PROMPT)).not.toContain('notes.txt');
    expect(watch.problems).toEqual([]);
  });
});
