/**
 * Binds the progress model to this browser's localStorage. Storage that is blocked outright (the
 * `localStorage` getter itself throws) is read inside core's `try` too, so the learner gets the
 * "storage is blocked" note instead of a panel that never binds.
 */
import { loadProgress, saveProgress, type Progress } from '../core/progress/index.ts';
import { emit } from './lib/events.ts';
import { KEYS, safeStorage } from './lib/storage.ts';

const local = safeStorage('local');
const session = safeStorage('session');

export function readProgress(): Progress {
  const { progress, problem } = loadProgress(local.keyValue());
  if (problem) reportOnce(problem);
  return progress;
}

export function writeProgress(p: Progress): boolean {
  return saveProgress(local.keyValue(), p);
}

export function updateProgress(change: (p: Progress) => Progress): Progress {
  const next = change(readProgress());
  writeProgress(next);
  emit('layerwise:progress', next);
  return next;
}

/** A problem with stored progress is said once per browser session, never on every page. */
function reportOnce(problem: string) {
  if (session.get(KEYS.progressProblemShown) === problem) return;
  // Without session storage it is still said (on every page, which is better than never).
  session.set(KEYS.progressProblemShown, problem);
  const note = document.createElement('p');
  note.className = 'progress-problem';
  note.setAttribute('role', 'status');
  note.textContent = problem;
  document.querySelector('main')?.prepend(note);
}
