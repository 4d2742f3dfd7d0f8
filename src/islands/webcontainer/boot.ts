/**
 * Boots WebContainer, or says within the time limit why it could not: offline, the site's
 * Content-Security-Policy, or StackBlitz's servers not answering (which is also how an unsupported
 * browser or a blocked third-party frame looks from here). Loads @webcontainer/api only now.
 */
import type { WebContainer } from '@webcontainer/api';
import { withLimit, type Outcome, type Timers } from './outcome.ts';

export const BOOT_LIMIT_MS = 8_000;
export const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The first Content-Security-Policy violation against StackBlitz's hosts, as a reason. */
function cspBlock(): { reason: Promise<string>; stop(): void } {
  let listener: (e: SecurityPolicyViolationEvent) => void = () => {};
  const reason = new Promise<string>((resolve) => {
    listener = (e) => {
      if (/stackblitz|webcontainer/i.test(e.blockedURI)) {
        resolve(
          `this site's Content-Security-Policy does not allow ${e.blockedURI.replace(/^https?:\/\/([^/]+).*$/, '$1')} (${e.effectiveDirective})`,
        );
      }
    };
    document.addEventListener('securitypolicyviolation', listener);
  });
  return { reason, stop: () => document.removeEventListener('securitypolicyviolation', listener) };
}

export async function bootWebContainer(limitMs = BOOT_LIMIT_MS): Promise<Outcome<WebContainer>> {
  if (!navigator.onLine) return { ok: false, reason: 'this browser is offline' };
  let gaveUp = false;
  const csp = cspBlock();
  const work = import('@webcontainer/api').then(async ({ WebContainer }) => {
    const wc = await WebContainer.boot({ coep: 'require-corp', workdirName: 'layerwise' });
    // A boot that finishes after we gave up must not keep a second machine running.
    if (gaveUp) wc.teardown();
    return wc;
  });
  const reason = `StackBlitz's servers did not answer within ${limitMs / 1000} s (offline, blocked, or a browser WebContainer does not support)`;
  const outcome = await withLimit(work, limitMs, reason, browserTimers, [csp.reason]);
  csp.stop();
  gaveUp = !outcome.ok;
  return outcome;
}
