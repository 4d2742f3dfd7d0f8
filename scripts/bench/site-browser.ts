/** The built site served as a static host serves it (compressed, no local API), and Chromium on it. */
import { chromium, type Browser } from '@playwright/test';
import { join } from 'node:path';
import { serve } from '../../src/node/server/serve.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../tests/e2e/find-browser.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

export async function onBuiltSite<T>(
  port: number,
  measure: (browser: Browser, description: string) => Promise<T>,
): Promise<T> {
  const server = await serve({ root: join(ROOT, 'dist'), port, localApi: false });
  const choice = findBrowser();
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
  });
  try {
    return await measure(browser, choice.description);
  } finally {
    await browser.close();
    server.close();
  }
}
