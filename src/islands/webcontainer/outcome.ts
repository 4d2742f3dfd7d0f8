/**
 * Steps that may never finish (a boot waiting for a server that cannot be reached) raced against
 * the reasons to give up, so the learner always gets an answer with a reason. Pure: timers are
 * injected.
 */
import { messageOf } from '../../core/text/index.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Boot as a state the learner sees: never a spinner without an end. */
export type BootState = 'unknown' | 'booting' | 'ready' | 'failed';

/** The first to settle: the work (ok, or its error as the reason) or one of the reasons to give up. */
export function firstOutcome<T>(
  work: Promise<T>,
  giveUp: readonly Promise<string>[],
): Promise<Outcome<T>> {
  return Promise.race<Outcome<T>>([
    work.then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, reason: messageOf(error) }),
    ),
    ...giveUp.map((p) => p.then((reason): Outcome<T> => ({ ok: false, reason }))),
  ]);
}

export type Timers = { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };

/** A reason that arrives after `ms`, and a way to stop it. */
export function deadline(
  ms: number,
  reason: string,
  timers: Timers,
): { reason: Promise<string>; stop(): void } {
  let handle: unknown;
  const promise = new Promise<string>((resolve) => {
    handle = timers.set(() => resolve(reason), ms);
  });
  return { reason: promise, stop: () => timers.clear(handle) };
}

/** Runs `work` with a time limit; the limit's timer never outlives the answer. */
export async function withLimit<T>(
  work: Promise<T>,
  ms: number,
  reason: string,
  timers: Timers,
  others: readonly Promise<string>[] = [],
): Promise<Outcome<T>> {
  const limit = deadline(ms, reason, timers);
  try {
    return await firstOutcome(work, [limit.reason, ...others]);
  } finally {
    limit.stop();
  }
}
