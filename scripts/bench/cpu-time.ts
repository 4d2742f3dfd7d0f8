/**
 * CPU time of a function in this process (user+system), median of runs after warm-ups: on a shared
 * 2-core machine other processes stretch wall time many times over, while a blow-up in our own code
 * still shows in full.
 */
import { cpuNow } from '../../tests/unit/cpu-clock.ts';
import { median } from './section.ts';

export function cpuMedianMs(f: () => unknown, runs: number, warmups = 1): number {
  // Warm-up: JIT tiers and regex compilation are not what we measure.
  for (let i = 0; i < warmups; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = cpuNow();
    f();
    times.push(cpuNow() - started);
  }
  return median(times);
}

/** `text` repeated and cut to exactly `bytes` characters. */
export const sized = (text: string, bytes: number) =>
  text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes);
