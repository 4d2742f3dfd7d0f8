/**
 * A test fixture that watches every page for what must never happen: a console error, an uncaught
 * exception, a failed request, or a request to another origin. Each test ends by asserting none did.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';

export interface PageWatch {
  problems: string[];
  foreignRequests: string[];
}

/** An HTTP error status the test itself expects for a URL (it then checks what the page did with it). */
export type ExpectedAnswer = (url: string, status: number) => boolean;

export function watchPage(page: Page, origin: string, expected?: ExpectedAnswer): PageWatch {
  const watch: PageWatch = { problems: [], foreignRequests: [] };
  const expectedUrls = new Set<string>();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every 4xx/5xx as "Failed to load resource", located at the resource's URL.
    if (/^Failed to load resource/.test(msg.text()) && expectedUrls.has(msg.location().url)) return;
    watch.problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => watch.problems.push(`uncaught: ${err.message}`));
  // Leaving a page cancels what it still had in flight (Chromium fetches the favicon after `load`),
  // and that is not the site failing: an abort counts only if the page had not moved on since.
  // Moving on is the next page's request going out or the next page committing: on a busy machine
  // the old page's favicon request can even start after the new page's request did, and is then
  // cancelled when the new page commits.
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  const startedAt = new WeakMap<Request, number>();
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    if (error === 'net::ERR_ABORTED' && navigations > (startedAt.get(req) ?? navigations)) return;
    watch.problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('request', (req) => {
    startedAt.set(req, navigations);
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations += 1;
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      watch.foreignRequests.push(url);
  });
  page.on('response', (res) => {
    // The 404 page is expected to answer 404 for itself; nothing else may, unless the test expects it.
    if (res.status() < 400 || res.url().includes('/this-page-does-not-exist')) return;
    if (expected?.(res.url(), res.status())) expectedUrls.add(res.url());
    else watch.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return watch;
}

export const test = base.extend<{ watch: PageWatch }>({
  watch: async ({ page, baseURL }, use) => {
    const watch = watchPage(page, new URL(baseURL ?? 'http://localhost').origin);
    await use(watch);
    expect(watch.problems, 'console errors, failed requests or HTTP errors').toEqual([]);
    expect(watch.foreignRequests, 'requests that left the site').toEqual([]);
  },
});
export { expect };

/** The rule sets every page is held to: WCAG 2.0–2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules whose answer depends on colours alone: all that changes between the light and the dark
 * theme (both are custom properties and palettes on the same page; no layout or content differs).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Everything axe finds on the page as it is now, at every impact level, one line each; `rules`
 * narrows it to those rules (e.g. COLOUR_RULES on a page already checked in full in the other theme).
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const results = await (rules ? axe.withRules(rules) : axe.withTags(AXE_TAGS)).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')})`,
  );
}
