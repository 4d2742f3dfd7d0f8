/**
 * The few things a reading page does with progress: mark done lessons, remember the last lesson,
 * say whether this lesson is done (and why), and on the home page a "continue" link. Everything
 * else on a page is static.
 */
import {
  isLessonDone,
  recordVisit,
  setLessonComplete,
  type Progress,
} from '../core/progress/index.ts';
import { on } from './lib/events.ts';
import { readProgress, updateProgress } from './progress-store.ts';

/** The exercise ids a lesson element lists in its data-exercises attribute. */
export const exerciseIdsOf = (el: HTMLElement) =>
  (el.dataset['exercises'] ?? '').split(' ').filter(Boolean);

function showDoneMarks(p: Progress) {
  for (const item of document.querySelectorAll<HTMLElement>('[data-lesson-item]')) {
    const done = isLessonDone(p, item.dataset['lessonItem'] ?? '', exerciseIdsOf(item));
    const mark = item.querySelector<HTMLElement>('[data-done-mark]');
    if (mark) mark.hidden = !done;
  }
}

/** A list of lessons (the home page, /lessons/): their done marks, kept current. */
export function bindLessonList(): Progress {
  const progress = readProgress();
  showDoneMarks(progress);
  on('layerwise:progress', showDoneMarks);
  return progress;
}

/** Why a lesson counts as done: its exercises all passed (nothing to undo), or the learner said so. */
function doneBecause(p: Progress, slug: string, ids: string[]): 'exercises' | 'learner' | null {
  if (!isLessonDone(p, slug, ids)) return null;
  return ids.length > 0 && ids.every((id) => p.exercises[id]?.status === 'pass')
    ? 'exercises'
    : 'learner';
}

const exercisesDone = (n: number) =>
  n === 1 ? '✓ Done: its exercise passed.' : `✓ Done: all ${n} of its exercises passed.`;

export function bindLessonPage() {
  const article = document.querySelector<HTMLElement>('[data-lesson]');
  const slug = article?.dataset['lesson'];
  if (!article || !slug) return;
  let progress = updateProgress((p) => recordVisit(p, slug, new Date().toISOString()));
  showDoneMarks(progress);

  const box = document.querySelector<HTMLElement>('[data-complete-box]');
  const button = box?.querySelector<HTMLButtonElement>('[data-mark-complete]');
  const state = box?.querySelector<HTMLElement>('[data-complete-state]');
  const status = box?.querySelector<HTMLElement>('[data-complete-status]');
  const finished = box?.querySelector<HTMLElement>('[data-course-finished]');
  if (!box || !button || !state || !status) return;
  box.hidden = false;
  const ids = exerciseIdsOf(article);
  const sync = () => {
    const because = doneBecause(progress, slug, ids);
    state.textContent =
      because === 'exercises'
        ? exercisesDone(ids.length)
        : because === 'learner'
          ? '✓ You marked this lesson as done.'
          : '';
    state.hidden = because === null;
    // A lesson done through its exercises stays done: there is nothing the button could undo.
    button.hidden = because === 'exercises';
    button.textContent = because ? 'Mark as not done' : 'Mark this lesson as done';
    button.classList.toggle('button--secondary', because !== null);
    if (finished) finished.hidden = because === null;
  };
  sync();
  button.addEventListener('click', () => {
    const done = isLessonDone(progress, slug, ids);
    progress = updateProgress((p) => setLessonComplete(p, slug, !done, new Date().toISOString()));
    status.textContent = done ? 'Lesson no longer marked as done.' : 'Lesson marked as done.';
  });
  on('layerwise:progress', (p) => {
    progress = p;
    showDoneMarks(p);
    sync();
  });
}

export function bindHomePage() {
  const progress = bindLessonList();
  const last = progress.lastLesson;
  const resume = document.querySelector<HTMLElement>('[data-resume]');
  const link = resume?.querySelector<HTMLAnchorElement>('[data-resume-link]');
  const item = last
    ? document.querySelector<HTMLElement>(`[data-lesson-item="${CSS.escape(last)}"]`)
    : null;
  // The lesson's own card link, so the base path the site was built for is already in it.
  const card = item?.querySelector('a');
  const href = card?.getAttribute('href');
  const title = card?.textContent?.replace(/^\s*\d+\.\s*/, '').trim();
  if (!resume || !link || !href || !title) return;
  link.setAttribute('href', href);
  link.textContent = `Continue where you left off: “${title}”`;
  resume.hidden = false;
  document.querySelector<HTMLElement>('[data-start]')?.setAttribute('hidden', '');
}
