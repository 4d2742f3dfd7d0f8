/**
 * The editor and the files (issue 10 item 1; walkthrough items 1, 17, 18, 24): lesson 4's own
 * commands from the folder the terminal starts in, `edit FILE` creating a missing file and opening
 * it, an empty editor saying how to open one, Python indented with four spaces, and the file list
 * a tree (a file under its folder, one per row) on a lesson page, at laptop and phone widths.
 */
import { expect, test } from './watch.ts';
import { DEVICES, editorText, openWorkspace, run } from './workspace-helpers.ts';

const LESSON_4 = '/lessons/demo-fastapi-project/';
const HOME_PROMPT = 'learner@layerwise:~$';
const DEMO_PROMPT = 'learner@layerwise:~/demo$';

for (const [device, use] of DEVICES) {
  test.describe(device, () => {
    test.use(use);

    test("lesson 4's commands make the project; edit creates app/main.py and opens it; 4-space indents; a tree", async ({
      page,
      watch,
    }) => {
      await page.goto(LESSON_4);
      await openWorkspace(page, HOME_PROMPT);
      const content = page.locator('.ws-editor .cm-content');
      // Nothing open yet: the pane says how to open a file instead of silently refusing keys.
      await expect(page.locator('.ws-editor')).toContainText('type edit FILE in the terminal');
      await expect(page.locator('.ws-files')).toContainText('No files yet.');

      await run(page, 'mkdir demo && cd demo', DEMO_PROMPT);
      await run(page, 'edit app/main.py', 'Opening app/main.py in the editor');
      await expect(content).toHaveAttribute('aria-label', 'Editor: app/main.py');
      await expect(content).toBeFocused();
      await page.keyboard.type('def welcome_root():');
      await page.keyboard.press('Enter');
      await page.keyboard.type('return 1');
      await expect.poll(() => editorText(page)).toBe('def welcome_root():\n    return 1');

      // The tree: app/ above main.py, main.py indented under it, requirements.txt on its own row.
      await page.locator('.xterm-helper-textarea').focus();
      await run(page, 'touch requirements.txt && ls app', 'main.py');
      const box = async (name: string) =>
        (await page.locator('.ws-files').getByText(name, { exact: true }).boundingBox())!;
      const [folder, file, root] = [
        await box('app/'),
        await box('main.py'),
        await box('requirements.txt'),
      ];
      expect(file.y).toBeGreaterThanOrEqual(folder.y + folder.height - 1);
      expect(file.x).toBeGreaterThan(folder.x);
      expect(root.y).toBeGreaterThanOrEqual(file.y + file.height - 1);
      expect(watch.problems).toEqual([]);
    });
  });
}

test("/practice/'s workspace is the course's finished project, not a lesson's", async ({
  page,
  watch,
}) => {
  await page.goto('/practice/');
  await expect(page.locator('[data-workspace] .workspace-note').first()).toContainText(
    "the course's finished project",
  );
  expect(watch.problems).toEqual([]);
});
