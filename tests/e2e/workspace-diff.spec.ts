/**
 * "Compare with the solution" stays in its column (issue 10 item 5; walkthrough item 3): with a
 * Dockerfile line far longer than the column, at 1366, 1024, 768 and 390 px, the page never scrolls
 * sideways, the diff stays inside the workspace, and each line number sits on its line.
 */
import { expect, test } from './watch.ts';
import { openWorkspace, PROMPT, run } from './workspace-helpers.ts';

const LESSON_5 = '/lessons/writing-the-dockerfile/';
const LONG_RUN =
  'RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt && echo a-line-much-longer-than-any-column-the-lesson-page-has-at-any-width';

for (const width of [1366, 1024, 768, 390]) {
  test(`the solution diff fits its column at ${width} px, line numbers on their lines`, async ({
    page,
    watch,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(LESSON_5);
    await openWorkspace(page);
    await run(
      page,
      `printf 'FROM python:3.14-slim\\nWORKDIR /demo\\n${LONG_RUN}\\n' > Dockerfile`,
      PROMPT,
    );
    await page.getByRole('button', { name: 'Compare with the solution' }).click();
    const pane = page.getByRole('region', { name: 'Your files compared with the solution' });
    await pane.getByRole('button', { name: 'Dockerfile (differs)' }).click();
    const yours = pane.getByRole('textbox', { name: 'Your Dockerfile (read only)' });
    await expect(yours).toContainText('a-line-much-longer');

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    const workspace = (await page.locator('[data-workspace]').boundingBox())!;
    for (const part of ['.ws-bar', '.ws-solution', '.cm-mergeView']) {
      const box = (await page.locator(part).boundingBox())!;
      expect(box.x + box.width, part).toBeLessThanOrEqual(workspace.x + workspace.width + 1);
    }
    // Each number in the left gutter has a line of text starting at the same height.
    const misplaced = await page
      .locator('.cm-mergeViewEditor')
      .first()
      .evaluate((editor) => {
        const tops = [...editor.querySelectorAll('.cm-line')].map(
          (l) => l.getBoundingClientRect().top,
        );
        return (
          [...editor.querySelectorAll('.cm-lineNumbers .cm-gutterElement')]
            // (CodeMirror's hidden, zero-height element that sizes the gutter is not a line's number)
            .filter(
              (g) => /^\d+$/.test(g.textContent ?? '') && g.getBoundingClientRect().height > 0,
            )
            .filter((g) => !tops.some((t) => Math.abs(t - g.getBoundingClientRect().top) < 2))
            .map((g) => g.textContent)
        );
      });
    expect(misplaced).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
}
