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
  /**
   * What a first visit to a reading-only lesson asks for before its load event, and after. The
   * page marks its load with a request of its own, made by the first load listener, before the
   * page's own (which registers the worker): Playwright's 'load' event comes on another channel
   * than its requests, and on a busy machine the worker's request was seen before it.
   */
  const LOAD_MARK = '/__load-mark';
  const visit = async (serviceWorkers: 'allow' | 'block') => {
    const context = await browser.newContext({ serviceWorkers });
    await context.route(`**${LOAD_MARK}`, (route) => route.fulfill({ status: 204 }));
    await context.addInitScript((mark) => {
      addEventListener('load', () => void fetch(mark), { capture: true });
    }, LOAD_MARK);
    const page = await context.newPage();
    const seen = { beforeLoad: [] as string[], afterLoad: [] as string[] };
    let loaded = false;
    const marked = new Promise<void>((resolve) =>
      context.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path === LOAD_MARK) resolve(void (loaded = true));
        else (loaded ? seen.afterLoad : seen.beforeLoad).push(path);
      }),
    );
    await page.goto(`${baseURL}/lessons/next-steps/`);
    await marked;
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
