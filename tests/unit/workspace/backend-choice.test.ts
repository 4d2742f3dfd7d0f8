/** Which backend runs the terminal, for every combination the page can be in. */
import { describe, expect, it } from 'vitest';
import {
  chooseBackend,
  type BackendFacts,
  type BackendWish,
} from '../../../src/islands/workspace/backend-choice.ts';

const isolated: BackendFacts = { crossOriginIsolated: true, sharedArrayBuffer: true };
const wish = (w: Partial<BackendWish>): BackendWish => ({
  wanted: 'webcontainer',
  explicit: true,
  previousFailure: null,
  ...w,
});

describe('chooseBackend', () => {
  it.each([
    ['isolated, learner asks for WebContainer', isolated, wish({}), 'webcontainer', true, null],
    [
      'isolated, learner keeps the simulator',
      isolated,
      wish({ wanted: 'sandbox' }),
      'sandbox',
      true,
      null,
    ],
    [
      'not isolated, simulator wanted: no switch offered, nothing to say',
      { crossOriginIsolated: false, sharedArrayBuffer: false },
      wish({ wanted: 'sandbox' }),
      'sandbox',
      false,
      null,
    ],
    [
      'not isolated, WebContainer wanted',
      { crossOriginIsolated: false, sharedArrayBuffer: true },
      wish({}),
      'sandbox',
      false,
      'not cross-origin isolated',
    ],
    [
      'isolated but no SharedArrayBuffer',
      { crossOriginIsolated: true, sharedArrayBuffer: false },
      wish({}),
      'sandbox',
      false,
      'no SharedArrayBuffer',
    ],
    [
      'remembered choice after a failure this session',
      isolated,
      wish({ explicit: false, previousFailure: 'offline' }),
      'sandbox',
      true,
      'did not start earlier in this session (offline)',
    ],
    [
      'a new click after a failure tries again',
      isolated,
      wish({ explicit: true, previousFailure: 'offline' }),
      'webcontainer',
      true,
      null,
    ],
    [
      'remembered choice, no failure',
      isolated,
      wish({ explicit: false }),
      'webcontainer',
      true,
      null,
    ],
  ] as const)('%s', (_name, facts, w, use, offer, reason) => {
    const decision = chooseBackend(facts, w);
    expect(decision.use).toBe(use);
    expect(decision.offerWebContainer).toBe(offer);
    if (reason === null) expect(decision.reason).toBeNull();
    else expect(decision.reason).toContain(reason);
  });

  it.each([
    [
      'not isolated (GitHub Pages)',
      { crossOriginIsolated: false, sharedArrayBuffer: false },
      'The real Node.js shell (WebContainer) needs this site to send cross-origin isolation headers; this host does not.',
    ],
    [
      'isolated, no SharedArrayBuffer',
      { crossOriginIsolated: true, sharedArrayBuffer: false },
      'The real Node.js shell (WebContainer) needs SharedArrayBuffer, which this browser does not have.',
    ],
    ['isolated', isolated, null],
  ] as const)('says why the switch is not offered: %s', (_name, facts, unavailable) => {
    for (const wanted of ['sandbox', 'webcontainer'] as const) {
      const decision = chooseBackend(facts, wish({ wanted }));
      expect(decision.unavailable).toBe(unavailable);
      expect(decision.offerWebContainer).toBe(unavailable === null);
    }
  });

  it('every fallback reason is one line', () => {
    for (const facts of [
      isolated,
      { crossOriginIsolated: false, sharedArrayBuffer: true },
      { crossOriginIsolated: true, sharedArrayBuffer: false },
    ]) {
      const { reason } = chooseBackend(
        facts,
        wish({ explicit: false, previousFailure: 'timed out after 8 s' }),
      );
      expect(reason ?? '').not.toContain('\n');
    }
  });
});
