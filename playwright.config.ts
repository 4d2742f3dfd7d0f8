import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './tests/e2e/find-browser.ts';
import { describePace, scaled } from './tests/machine-pace.ts';

const browser = findBrowser();
if (!process.env['LAYERWISE_BROWSER_SAID']) {
  console.log(`layerwise: browser tests use ${browser.description}; ${describePace()}`);
  process.env['LAYERWISE_BROWSER_SAID'] = '1';
}
// E2E_PORT lets several checkouts run their browser tests side by side on one machine.
const PORT = Number(process.env['E2E_PORT'] ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  // Limits for an idle machine, scaled by how busy this one is (tests/machine-pace.ts).
  timeout: scaled(30_000),
  expect: { timeout: scaled(5_000) },
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      args: CHROMIUM_ARGS,
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
    },
    trace: 'retain-on-failure',
    // Each spec sees a first visit, as a learner without the course's service worker does (a
    // worker would also answer requests the specs route). tests/e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  webServer: {
    // The production build, served the way `npm start` serves it.
    command: `node --import tsx scripts/serve-dist.ts ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: scaled(60_000),
  },
});
