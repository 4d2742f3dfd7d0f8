/** A schedule the test advances by hand: no real timers, no sleeping. */
import type { Schedule } from '../../../src/islands/workspace/file-sync.ts';

export function manualSchedule() {
  let now = 0;
  const timers: { at: number; run: () => void; live: boolean }[] = [];
  const schedule: Schedule = (run, ms) => {
    const t = { at: now + ms, run, live: true };
    timers.push(t);
    return () => (t.live = false);
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) if (t.live && t.at <= now) ((t.live = false), t.run());
  };
  return { schedule, advance };
}
