/**
 * Panels say exactly what happened (issue 10 item 7): where a pass was proven, one verdict instead
 * of a mark beside it, grammar, code shown as code, and nothing of the quoted line cut off.
 * Every paste is a real capture from tests/fixtures (each with its .meta.json).
 */
import type { Page } from '@playwright/test';
import { fixture, pasteAndCheck } from './exercise-helpers.ts';
import { expect, test } from './watch.ts';
import { openByKeyboard, run } from './workspace-helpers.ts';

const paste = (page: Page, exercise: string, text: string) =>
  pasteAndCheck(page.locator(`[data-exercise="${exercise}"]`), text);

test('the app run without Docker is proven "on your machine", not on Docker', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/demo-fastapi-project/');
  const panel = await paste(page, 'demo-app-runs', fixture('lab/curl-i'));
  await expect(panel.getByRole('status')).toHaveText(
    'All 3 checks passed: verified on your machine.',
  );
  await page.reload();
  await expect(page.locator('[data-exercise="demo-app-runs"] [data-mark]')).toHaveText(
    '✓ Verified on your machine',
  );
  expect(watch.problems).toEqual([]);
});

test('a newer verdict replaces the mark instead of standing beside it, and says an earlier pass still counts', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/building-the-image/');
  await paste(page, 'cached-rebuild', fixture('lab/build-app-edit-plain'));
  await page.reload();
  const mark = page.locator('[data-exercise="cached-rebuild"] [data-mark]');
  await expect(mark).toHaveText('✓ Verified on your Docker');
  const panel = await paste(page, 'cached-rebuild', fixture('lab/build-bad-order-plain'));
  await expect(panel.getByRole('status')).toHaveText(
    '2 of 3 checks passed. You passed this before, on your Docker: that still counts.',
  );
  await expect(mark).toBeHidden();
  await expect(panel.locator('.verdict-summary')).toHaveCount(1);
  expect(watch.problems).toEqual([]);
});

test('one check is "the check", never "All 1 checks"', async ({ page, watch }) => {
  await page.goto('/lessons/building-the-image/');
  const panel = await paste(page, 'image-listed', fixture('lab/images'));
  await expect(panel.getByRole('status')).toHaveText('The check passed: verified on your Docker.');
  await expect(panel).not.toContainText(/\b1 checks\b/);
  expect(watch.problems).toEqual([]);
});

test('Dockerfile advice shows code as code, and pasted text inside it stays text', async ({
  page,
  watch,
}) => {
  const dockerfile = [
    'FROM python:3.13-slim',
    'WORKDIR /demo',
    'COPY . /demo',
    'RUN pip install -r requirements.txt',
    'CMD ["uvicorn", "app.main:app", "--host", "<img src=x onerror=window.__pwned=1>"]',
  ].join('\n');
  await page.goto('/lessons/writing-the-dockerfile/');
  const panel = await paste(page, 'dockerfile-written', dockerfile);
  const order = panel.locator('.verdict-check--bad', { hasText: 'before' }).first();
  await expect(order.locator('.verdict-message code', { hasText: 'COPY . /demo' })).toBeVisible();
  await expect(order.locator('.verdict-message')).not.toContainText('`');
  expect(await panel.locator('.exercise-result img').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(watch.problems).toEqual([]);
});

test('each check points at the line it read: the body check at the body, the status at the status line', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/running-the-container/');
  const panel = await paste(page, 'app-reachable', fixture('lab/curl-i'));
  await expect(panel.getByRole('status')).toHaveText(/^All \d+ checks passed/);
  const row = (text: RegExp) => panel.locator('.verdict-check--ok', { hasText: text });
  // Numbered as the learner sees the paste in the box (curl's progress redraws are lines there).
  const pasted = await panel.getByLabel('Paste what your terminal printed').inputValue();
  const bodyLine = pasted.split('\n').indexOf('"Welcome to root"') + 1;
  await expect(row(/Welcome to root/).locator('.verdict-line')).toHaveText(
    `line ${bodyLine}"Welcome to root"`,
  );
  await expect(row(/The status is 200/).locator('.verdict-line code')).toHaveText(
    'HTTP/1.1 200 OK',
  );
  expect(watch.problems).toEqual([]);
});

// The learner's own Dockerfiles (the walkthrough's pastes), not Docker output.
const dockerfile = (cmd: string, expose: string[]) =>
  [
    'FROM python:3.14-slim',
    'WORKDIR /demo',
    'COPY ./requirements.txt /demo/requirements.txt',
    'RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt',
    'COPY ./app /demo/app',
    ...expose,
    cmd,
  ].join('\n');

test('the Dockerfile check passes nothing that is not there: no EXPOSE, or a CMD in smart quotes (walkthrough 11)', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/writing-the-dockerfile/');
  let panel = await paste(
    page,
    'dockerfile-written',
    dockerfile('CMD ["fastapi", "run", "app/main.py", "--port", "80"]', []),
  );
  await expect(panel.locator('.verdict-check--ok', { hasText: 'matches EXPOSE' })).toHaveCount(0);
  await expect(
    panel.locator('.verdict-check--bad', { hasText: /EXPOSE/ }).locator('.verdict-hint'),
  ).toContainText('EXPOSE 80');
  panel = await paste(
    page,
    'dockerfile-written',
    dockerfile('CMD [“uvicorn”, “app.main:app”, “--host”, “0.0.0.0”, “--port”, “8000”]', [
      'EXPOSE 8000',
    ]),
  );
  await expect(
    panel.locator('.verdict-check--bad', { hasText: 'not valid JSON' }).first(),
  ).toBeVisible();
  await expect(panel.locator('.verdict-check--ok', { hasText: 'exec form' })).toHaveCount(0);
  expect(watch.problems).toEqual([]);
});

test('rows that could not be judged say which check they are, and a 404 without -i says what to do', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/running-the-container/');
  let panel = await paste(page, 'app-reachable', fixture('lab/curl-refused'));
  const unjudged = panel.locator('.verdict-check--bad .verdict-message', {
    hasText: 'not checked',
  });
  await expect(unjudged).toHaveText([
    'The status was not checked: there was no answer.',
    'The answer’s body was not checked: there was no answer.',
  ]);
  panel = await paste(page, 'app-reachable', fixture('lab/curl-404-no-i'));
  const status = panel.locator('.verdict-check--bad', { hasText: '404' });
  await expect(status.locator('.verdict-hint')).toHaveText(
    'What to do: Ask for the root path: curl -i http://localhost:8000/',
  );
  await expect(status.locator('.verdict-line code')).toHaveText('{"detail":"Not Found"}');
  expect(watch.problems).toEqual([]);
});

test('from the terminal: nothing run yet is not "an empty paste", and the verdict names the command it judged', async ({
  page,
  watch,
}) => {
  await page.goto('/lessons/running-the-container/');
  const panel = page.locator('[data-exercise="container-running"]');
  const fromTerminal = panel.getByRole('button', { name: 'Check from the terminal' });
  await openByKeyboard(page);
  await fromTerminal.click();
  await expect(panel.getByRole('status')).toHaveText(/^Nothing has run in the terminal yet\./);
  await page.locator('.xterm-helper-textarea').first().focus();
  await run(page, 'docker ps', 'CONTAINER ID');
  await run(page, 'ls', 'Dockerfile');
  await fromTerminal.click();
  await expect(panel.locator('.verdict-judged')).toHaveText(
    'Judged from docker ps; after it you ran ls: run it again to see what changed.',
  );
  await expect(panel.locator('.verdict-judged code')).toHaveText(['docker ps', 'ls']);
  expect(watch.problems).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the quoted line wraps: nothing of it is cut off', async ({ page, watch }) => {
    await page.goto('/lessons/demo-fastapi-project/');
    const panel = await paste(page, 'demo-app-runs', fixture('lab/curl-refused'));
    const quote = panel.locator('.verdict-line code').first();
    await expect(quote).toContainText("Couldn't connect to server");
    const [scroll, client] = await quote.evaluate((el) => [
      el.parentElement!.scrollWidth,
      el.parentElement!.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    const box = await quote.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(watch.problems).toEqual([]);
  });
});
