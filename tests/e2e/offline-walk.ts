/**
 * Issue 15's offline walk, shared by offline.spec.ts (npm start's server) and sub-path.spec.ts (a
 * plain static host under /docker-course/): a first visit online (a lesson, its workspace opened
 * once), then no network at all: a lesson never visited, the terminal, and a paste checked.
 * The browser context must allow service workers (playwright.config.ts blocks them elsewhere).
 */
import type { Page } from '@playwright/test';
import { fixture, pasteAndCheck } from './exercise-helpers.ts';
import { expect, watchPage } from './watch.ts';
import { openWorkspace, run } from './workspace-helpers.ts';

/** Waits until the course's service worker controls the page and has stored its files. */
export async function untilOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** `site` is the course's address with its base, e.g. http://127.0.0.1:4461/ or …/docker-course/. */
export async function walkOffline(page: Page, site: string): Promise<void> {
  const at = (path: string) => new URL(path, site).href;
  const watch = watchPage(page, new URL(site).origin);
  await page.goto(at('lessons/building-the-image/'));
  await untilOffline(page);
  // The first visit opens the workspace once: its code is stored as it loads.
  await openWorkspace(page);
  await run(page, 'docker build -t demo-image:latest .', 'naming to');

  await page.context().setOffline(true);
  // A lesson this browser never opened: stored on install.
  await page.goto(at('lessons/troubleshooting/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Troubleshooting/i);
  // The terminal: its code was stored when it was opened online.
  await page.goto(at('lessons/building-the-image/'));
  await openWorkspace(page);
  await run(page, 'docker build -t demo-image:latest .', 'naming to');
  // A paste checked: the checkers load on demand, and were stored on install.
  const panel = page.getByRole('region', { name: /Rebuild after changing app\/main\.py/ });
  await pasteAndCheck(panel, fixture('lab/build-app-edit-plain'));
  await expect(panel.getByRole('status')).toHaveText(
    'All 3 checks passed: verified on your Docker.',
  );
  await page.context().setOffline(false);
  expect(watch.problems).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}
