/**
 * A sliding window: at most `limit` requests in any `windowMs`. Each verify reads the whole engine
 * and makes HTTP probes, so a runaway page (or a stuck button) must not turn into a flood.
 */

export interface RateLimiter {
  /** counts the request when allowed; otherwise says in how many seconds to try again */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number): RateLimiter {
  const times: number[] = [];
  return {
    take() {
      const t = now();
      while (times.length > 0 && times[0]! <= t - windowMs) times.shift();
      if (times.length < limit) {
        times.push(t);
        return { ok: true };
      }
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + windowMs - t) / 1000)),
      };
    },
  };
}
