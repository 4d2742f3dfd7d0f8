/**
 * Time and chance come in from outside, so a test can pin them. The defaults are deterministic:
 * a virtual clock the shell moves forward one second per command, and a seeded generator.
 */

export interface Clock {
  /** milliseconds since the Unix epoch */
  now(): number;
}

/** Returns a number in [0, 1). */
export type Rng = () => number;

/** A clock that only moves when told to: what tests and the default sandbox use. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

/** An injected clock may be a real one, which no command moves. */
export function isManualClock(clock: Clock): clock is ManualClock {
  return 'advance' in clock && typeof clock.advance === 'function';
}

/** 2026-11-27T09:00:00Z: any fixed instant would do; this one reads as "today" in the course. */
export const DEFAULT_EPOCH = Date.UTC(2026, 10, 27, 9, 0, 0);

export function manualClock(start = DEFAULT_EPOCH): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      // An endless sleep off a terminal (a RUN step, a background job) ends at once, rather than
      // moving every age the machine shows to infinity.
      if (Number.isFinite(ms)) t += ms;
    },
  };
}

/** mulberry32: tiny, fast and good enough for container IDs and names. */
export function seededRng(seed = 0x5eed): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomHex(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(rng() * 16).toString(16);
  return out;
}
