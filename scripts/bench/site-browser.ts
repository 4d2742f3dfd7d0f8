/** The built site served as a static host serves it (compressed, no local API), and Chromium on it. */
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '../../src/node/server/serve.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../tests/e2e/find-browser.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** `measure` gets the site's origin (`http://localhost:PORT`, a free port the system picked). */
export async function onBuiltSite<T>(
  measure: (browser: Browser, origin: string, description: string) => Promise<T>,
): Promise<T> {
  const server = await serve({ root: join(ROOT, 'dist'), port: 0, localApi: false });
  const choice = findBrowser();
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
  });
  try {
    return await measure(browser, originOf(server), choice.description);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Where a server started on port 0 listens, as the browser addresses it. */
export const originOf = (server: Server) =>
  `http://localhost:${(server.address() as AddressInfo).port}`;

/**
 * Leaves the page and forgets what the workspace saved (localStorage), keeping the HTTP cache: a
 * "warm" measure is then the same first open with the chunks cached, not a restored workspace
 * (whose running container would start Python, or hold port 8000, before the measured command).
 */
export async function forgetSavedWorkspace(page: Page, origin: string): Promise<void> {
  await page.goto('about:blank'); // the workspace saves on pagehide: let it, then forget it
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage' });
  await cdp.detach();
}
