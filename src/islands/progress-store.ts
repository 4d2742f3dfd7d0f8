/** Binds the progress model to this browser's localStorage. */
import {
  loadProgress,
  saveProgress,
  type KeyValueStore,
  type Progress,
} from '../core/progress/index.ts';

const PROBLEM_SHOWN = 'layerwise:progress-problem-shown';

function browserStore(): KeyValueStore {
  return window.localStorage;
}

export function readProgress(): Progress {
  const { progress, problem } = loadProgress(browserStore());
  if (problem) reportOnce(problem);
  return progress;
}

export function writeProgress(p: Progress): boolean {
  return saveProgress(browserStore(), p);
}

export function updateProgress(change: (p: Progress) => Progress): Progress {
  const next = change(readProgress());
  writeProgress(next);
  document.dispatchEvent(new CustomEvent('layerwise:progress', { detail: next }));
  return next;
}

/** A problem with stored progress is said once per browser session, never on every page. */
function reportOnce(problem: string) {
  try {
    if (sessionStorage.getItem(PROBLEM_SHOWN) === problem) return;
    sessionStorage.setItem(PROBLEM_SHOWN, problem);
  } catch {
    /* no session storage: still say it */
  }
  const note = document.createElement('p');
  note.className = 'progress-problem';
  note.setAttribute('role', 'status');
  note.textContent = problem;
  document.querySelector('main')?.prepend(note);
}
