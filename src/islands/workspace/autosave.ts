/**
 * When a workspace is saved: a moment after something changed (a command finished, a file was
 * written), at most once per delay however fast changes come (a server's log lines), and at once
 * when the page is hidden or left. Nothing is ever "unsaved" long enough to need a prompt on
 * leaving. An unchanged state is not written again. Timers are injected, so the rules are
 * unit-tested without a browser (as file-sync.ts's are).
 */
import type { StorageProblem } from '../lib/storage.ts';
import type { Schedule } from './file-sync.ts';

export interface AutosaveDeps {
  /** the state to store, as text; null when it cannot be taken now (a restore is running, another backend) */
  snapshot(): string | null;
  put(text: string): StorageProblem | null;
  clear(): void;
  /** after each write: null when stored, else why not */
  report(problem: StorageProblem | null): void;
  schedule: Schedule;
  delayMs?: number;
}

export interface Autosave {
  /** something changed: it is saved within the delay */
  changed(): void;
  /** saves now what changed (the page is being hidden or left) */
  flush(): void;
  /** Reset: nothing is stored and nothing is pending, until the next change */
  forget(): void;
  dispose(): void;
}

export const AUTOSAVE_DELAY_MS = 500;

export function createAutosave(deps: AutosaveDeps): Autosave {
  const delay = deps.delayMs ?? AUTOSAVE_DELAY_MS;
  let dirty = false;
  let last: string | null = null;
  let cancel: (() => void) | null = null;
  const stopTimer = () => {
    cancel?.();
    cancel = null;
  };

  const flush = () => {
    stopTimer();
    if (!dirty) return;
    const text = deps.snapshot();
    // Not now: kept dirty, so the next change or flush tries again.
    if (text === null) return;
    dirty = false;
    if (text === last) return;
    const problem = deps.put(text);
    if (problem === null) last = text;
    deps.report(problem);
  };

  return {
    changed() {
      dirty = true;
      cancel ??= deps.schedule(flush, delay);
    },
    flush,
    forget() {
      stopTimer();
      dirty = false;
      last = null;
      deps.clear();
    },
    dispose: stopTimer,
  };
}
