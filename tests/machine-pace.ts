/**
 * How much longer than on an idle machine a test may take here. A busy 2-core machine (other jobs,
 * or the suite's own two browser workers) ran axe and the keyboard workspace test past 30 s; a
 * longer fixed limit would only hide a hang on a fast machine, so the limits scale instead.
 * The factor is measured once, when a run starts, and handed to every worker and config through
 * LAYERWISE_TIME_SCALE (set it yourself to force one).
 */
import { availableParallelism, loadavg } from 'node:os';

/** Runnable work per core (the load average plus the suite's own two workers), between 1 and 6. */
export function measureTimeScale(
  cores: number = availableParallelism(),
  load1: number = loadavg()[0] ?? 0,
): number {
  const perCore = (load1 + 2) / Math.max(1, cores);
  return Math.round(Math.min(6, Math.max(1, perCore)) * 10) / 10;
}

export function timeScale(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env['LAYERWISE_TIME_SCALE']);
  if (Number.isFinite(given) && given > 0) return given;
  const measured = measureTimeScale();
  env['LAYERWISE_TIME_SCALE'] = String(measured);
  return measured;
}

/** A limit in milliseconds, scaled for this machine. */
export const scaled = (ms: number): number => Math.round(ms * timeScale());

export function describePace(): string {
  const load = (loadavg()[0] ?? 0).toFixed(1);
  return `time limits ×${timeScale()} (${availableParallelism()} cores, load ${load})`;
}
