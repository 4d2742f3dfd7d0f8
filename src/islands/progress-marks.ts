/**
 * The few things a reading page does with progress: mark done lessons, remember the last lesson,
 * offer "mark as done", and on the home page a "continue" link. Everything else on a page is static.
 */
import {
  isLessonDone,
  recordVisit,
  setLessonComplete,
  type Progress,
} from '../core/progress/index.ts';
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

export function bindLessonPage() {
  const article = document.querySelector<HTMLElement>('[data-lesson]');
  const slug = article?.dataset['lesson'];
  if (!article || !slug) return;
  let progress = updateProgress((p) => recordVisit(p, slug, new Date().toISOString()));
  showDoneMarks(progress);

  const box = document.querySelector<HTMLElement>('[data-complete-box]');
  const button = box?.querySelector<HTMLButtonElement>('[data-mark-complete]');
  const status = box?.querySelector<HTMLElement>('[data-complete-status]');
  if (!box || !button || !status) return;
  box.hidden = false;
  const sync = (announce: boolean) => {
    const done = isLessonDone(progress, slug, exerciseIdsOf(article));
    button.setAttribute('aria-pressed', String(done));
    button.textContent = done ? 'Done ✓ (undo)' : 'Mark this lesson as done';
    if (announce)
      status.textContent = done ? 'Lesson marked as done.' : 'Lesson no longer marked as done.';
  };
  sync(false);
  button.addEventListener('click', () => {
    const done = isLessonDone(progress, slug, exerciseIdsOf(article));
    progress = updateProgress((p) => setLessonComplete(p, slug, !done, new Date().toISOString()));
    showDoneMarks(progress);
    sync(true);
  });
  document.addEventListener('layerwise:progress', (e) => {
    progress = (e as CustomEvent<Progress>).detail;
    showDoneMarks(progress);
    sync(false);
  });
}

export function bindHomePage() {
  const progress = readProgress();
  showDoneMarks(progress);
  document.addEventListener('layerwise:progress', (e) =>
    showDoneMarks((e as CustomEvent<Progress>).detail),
  );
  const last = progress.lastLesson;
  const resume = document.querySelector<HTMLElement>('[data-resume]');
  const link = resume?.querySelector<HTMLAnchorElement>('[data-resume-link]');
  const item = last
    ? document.querySelector<HTMLElement>(`[data-lesson-item="${CSS.escape(last)}"]`)
    : null;
  const title = item
    ?.querySelector('a')
    ?.textContent?.replace(/^\s*\d+\.\s*/, '')
    .trim();
  if (!resume || !link || !last || !title) return;
  link.href = `/lessons/${encodeURIComponent(last)}/`;
  link.textContent = `Continue where you left off: “${title}”`;
  resume.hidden = false;
  document.querySelector<HTMLElement>('[data-start]')?.setAttribute('hidden', '');
}
