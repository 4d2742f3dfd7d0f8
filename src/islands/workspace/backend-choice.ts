/**
 * Which backend runs the terminal. Pure: the page's facts come in as arguments, so every case is a
 * row in a unit test and the browser binding (open-workspace.ts) is one line.
 */
import type { BackendKind } from './backend.ts';

export interface BackendFacts {
  /** `crossOriginIsolated`: the server sent COOP same-origin and COEP require-corp */
  crossOriginIsolated: boolean;
  /** `typeof SharedArrayBuffer === 'function'` */
  sharedArrayBuffer: boolean;
}

export interface BackendWish {
  wanted: BackendKind;
  /** the learner clicked just now (not a choice remembered from another page) */
  explicit: boolean;
  /** why WebContainer failed earlier in this browser session, if it did */
  previousFailure: string | null;
}

export interface BackendDecision {
  use: BackendKind;
  /** whether the switch to WebContainer is shown at all */
  offerWebContainer: boolean;
  /** when it is not: why, in one line shown where the switch would be (a host such as GitHub Pages) */
  unavailable: string | null;
  /** one line for the learner when the wish is not met, else null */
  reason: string | null;
}

export function chooseBackend(facts: BackendFacts, wish: BackendWish): BackendDecision {
  const cannot = !facts.crossOriginIsolated
    ? 'this page is not cross-origin isolated (its server sends no COOP/COEP headers)'
    : !facts.sharedArrayBuffer
      ? 'this browser has no SharedArrayBuffer'
      : null;
  if (cannot) {
    const reason =
      wish.wanted === 'webcontainer'
        ? `WebContainer cannot run here: ${cannot}. Using the built-in simulator.`
        : null;
    const unavailable = !facts.crossOriginIsolated
      ? 'The real Node.js shell (WebContainer) needs this site to send cross-origin isolation headers; this host does not.'
      : 'The real Node.js shell (WebContainer) needs SharedArrayBuffer, which this browser does not have.';
    return { use: 'sandbox', offerWebContainer: false, unavailable, reason };
  }
  const offered = { offerWebContainer: true, unavailable: null };
  if (wish.wanted === 'sandbox') return { use: 'sandbox', ...offered, reason: null };
  if (wish.previousFailure !== null && !wish.explicit) {
    return {
      use: 'sandbox',
      ...offered,
      reason: `WebContainer did not start earlier in this session (${wish.previousFailure}). Using the built-in simulator; you can try again.`,
    };
  }
  return { use: 'webcontainer', ...offered, reason: null };
}
