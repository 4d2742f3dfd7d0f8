/**
 * Which Chromium the browser tests drive: CHROME_PATH, then Debian's /usr/bin/chromium, then
 * Playwright's own Chromium (installed on demand where the network allows, as on a learner's laptop).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export interface BrowserChoice {
  executablePath: string | undefined;
  description: string;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): BrowserChoice {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new Error(
        `CHROME_PATH is set to ${fromEnv}, but there is no file there. Fix CHROME_PATH or unset it.`,
      );
    return { executablePath: fromEnv, description: `CHROME_PATH (${fromEnv})` };
  }
  if (exists('/usr/bin/chromium'))
    return {
      executablePath: '/usr/bin/chromium',
      description: "Debian's Chromium (/usr/bin/chromium)",
    };
  const own = chromium.executablePath();
  if (exists(own))
    return { executablePath: undefined, description: `Playwright's Chromium (${own})` };
  try {
    console.log('layerwise: no Chromium found; running `npx playwright install chromium`…');
    execFileSync(process.execPath, [playwrightCli(), 'install', 'chromium'], { stdio: 'inherit' });
  } catch {
    throw new Error(
      'No Chromium to run the browser tests with. Install one of:\n' +
        '  - Debian/Ubuntu: sudo apt-get install chromium\n' +
        '  - anywhere with a network: npx playwright install chromium\n' +
        '  - or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return {
    executablePath: undefined,
    description: `Playwright's Chromium (${chromium.executablePath()}), just installed`,
  };
}

function playwrightCli(): string {
  return new URL('../../node_modules/@playwright/test/cli.js', import.meta.url).pathname;
}
