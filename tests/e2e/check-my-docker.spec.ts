/**
 * "Check my Docker", the one path from a page to the learner's Docker Engine (the local API's
 * /api/verify, called only by src/islands/local-engine.ts: tests/unit/engine-path.test.ts holds
 * both to that). Every browser test whose result can depend on the engine is in this file, so
 * `.ci/run` runs it once more with DOCKER_HOST pointing nowhere, as on a machine without Docker,
 * with LAYERWISE_EXPECT_ENGINE=none: then only the documented 503 will do.
 */
import { ENGINE_PROBLEM_KINDS } from '../../src/node/engine/problems.ts';
import { expect, test, watchPage } from './watch.ts';

const LESSON = '/lessons/building-the-image/';
const noEngine = process.env['LAYERWISE_EXPECT_ENGINE'] === 'none';

test('run locally, a panel offers "Check my Docker" and shows the engine\'s verdict, or why it could not read it', async ({
  page,
  baseURL,
}) => {
  // With no engine, or one that is stopped, the local API answers its documented 503 (see
  // docs/check-my-docker.md): that is the expected answer here, not a failure of the site.
  const watch = watchPage(
    page,
    new URL(baseURL!).origin,
    (url, status) => url.endsWith('/api/verify') && status === 503,
  );
  await page.goto(LESSON);
  const panel = page.getByRole('region', { name: /Build the image/ });
  const button = panel.getByRole('button', { name: 'Check my Docker' });
  await expect(button).toBeVisible();
  await expect(panel.locator('[data-hosted-note]')).toBeHidden();
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/verify'));
  await button.click();
  const answer = await answered;
  if (noEngine) expect(answer.status()).toBe(503);
  if (answer.status() === 503) {
    const { error } = (await answer.json()) as { error: { kind: string; message: string } };
    expect(ENGINE_PROBLEM_KINDS).toContain(error.kind);
    await expect(panel.getByRole('status')).toContainText(error.message);
    await expect(panel.locator('.exercise-error')).toContainText(error.message);
  } else {
    // An engine answered: demo-image may or may not be on it, so any verdict will do.
    expect(answer.status()).toBe(200);
    await expect(panel.getByRole('status')).toHaveText(/checks? (passed|did not pass)/);
  }
  expect(watch.problems).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
