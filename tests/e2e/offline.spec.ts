/**
 * Issue 15 item 2: offline after the first visit, as `npm start` serves the course (its CSP, its
 * local API), with the course's service worker.
 */
import { test } from './watch.ts';
import { walkOffline } from './offline-walk.ts';

test.use({ serviceWorkers: 'allow' });

test('after a first visit, with no network: a new lesson, the terminal and a paste check', async ({
  page,
  baseURL,
}) => {
  test.slow();
  await walkOffline(page, `${baseURL}/`);
});
