/**
 * Issue 15 item 2: offline after the first visit, as `npm start` serves the course (its CSP, its
 * local API), with the course's service worker.
 */
import { expect, test } from './watch.ts';
import { untilOffline, walkOffline } from './offline-walk.ts';

test.use({ serviceWorkers: 'allow' });

test('after a first visit, with no network: a new lesson, the terminal and a paste check', async ({
  page,
  baseURL,
}) => {
  test.slow();
  await walkOffline(page, `${baseURL}/`);
});

test('a first visit loads nothing more before the page is ready: the worker registers after load', async ({
  browser,
  baseURL,
}) => {
  /** What a first visit to a reading-only lesson asks for before its load event, and after. */
  const visit = async (serviceWorkers: 'allow' | 'block') => {
    const context = await browser.newContext({ serviceWorkers });
    const page = await context.newPage();
    const seen = { beforeLoad: [] as string[], afterLoad: [] as string[] };
    let loaded = false;
    page.on('load', () => (loaded = true));
    context.on('request', (r) =>
      (loaded ? seen.afterLoad : seen.beforeLoad).push(new URL(r.url()).pathname),
    );
    await page.goto(`${baseURL}/lessons/next-steps/`);
    if (serviceWorkers === 'allow') await untilOffline(page);
    await context.close();
    return seen;
  };
  const withWorker = await visit('allow');
  const without = await visit('block');
  expect(withWorker.beforeLoad.sort()).toEqual(without.beforeLoad.sort());
  expect(withWorker.beforeLoad).not.toContain('/sw.js');
  // the worker did come, after load, and stored the lessons
  expect(withWorker.afterLoad).toContain('/sw.js');
  expect(withWorker.afterLoad).toContain('/lessons/troubleshooting/');
});
