import type { Job } from './types.ts';

/**
 * What ends a learner's watch of a command in the foreground at a terminal (their Ctrl+C), which
 * the engine plays a container's script against in real time; undefined in a script or with `&`,
 * where nobody watches and the script's time passes at once.
 */
export function watchedFrom(job: Job): Promise<void> | undefined {
  return job.interactive && !job.background ? job.interrupted : undefined;
}
