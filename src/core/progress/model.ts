/**
 * Progress: what the learner has done, kept between visits.
 * Pure data and functions; where it is stored is the caller's business (see storage.ts).
 */
import type { EvidenceSource, Verdict } from '../evidence.ts';

export const PROGRESS_VERSION = 2;

/** How an exercise was last passed; paste and engine evidence both count as "verified on your Docker". */
export type Mark = 'verified' | 'practised';

export interface ExerciseProgress {
  status: 'pass' | 'fail';
  /** the strongest mark earned so far; a later sandbox pass never hides an earlier verified one */
  mark: Mark | null;
  source: EvidenceSource;
  /** ISO time of the last check */
  at: string;
}

export interface LessonProgress {
  visitedAt?: string;
  completedAt?: string;
}

export interface QuizProgress {
  /** question id -> the choice the learner picked */
  answers: Record<string, string>;
  correct: number;
  total: number;
  at: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  exercises: Record<string, ExerciseProgress>;
  quizzes: Record<string, QuizProgress>;
  /** slug of the lesson the learner last opened */
  lastLesson: string | null;
}

/**
 * An entry of one of progress's maps, own keys only: an id such as `constructor` must not find
 * Object.prototype's member (audit F7). Every read of a map by a key goes through here.
 */
export function entry<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, exercises: {}, quizzes: {}, lastLesson: null };
}

export function markFor(source: EvidenceSource): Mark {
  return source === 'sandbox' ? 'practised' : 'verified';
}

export function recordVisit(p: Progress, slug: string, now: string): Progress {
  return {
    ...p,
    lastLesson: slug,
    lessons: { ...p.lessons, [slug]: { ...entry(p.lessons, slug), visitedAt: now } },
  };
}

export function setLessonComplete(p: Progress, slug: string, done: boolean, now: string): Progress {
  const { completedAt: _drop, ...rest } = entry(p.lessons, slug) ?? {};
  return { ...p, lessons: { ...p.lessons, [slug]: done ? { ...rest, completedAt: now } : rest } };
}

/**
 * Keeps the best result: a fail after a verified pass still shows the pass, with the fail's time.
 * The source is always the one behind what the record shows (walkthrough 26): the pass that earned
 * the mark kept, or the last check when none passed.
 */
export function recordVerdict(
  p: Progress,
  exerciseId: string,
  verdict: Verdict,
  now: string,
): Progress {
  if (verdict.status === 'unrecognized') return p;
  const before = entry(p.exercises, exerciseId);
  const result: ExerciseProgress = {
    status: verdict.status,
    mark: verdict.status === 'pass' ? markFor(verdict.evidence) : null,
    source: verdict.evidence,
    at: now,
  };
  return { ...p, exercises: { ...p.exercises, [exerciseId]: best(before, result) } };
}

/** Two results for one exercise as one: the stronger pass, with its own source, at the later time. */
function best(a: ExerciseProgress | undefined, b: ExerciseProgress): ExerciseProgress {
  if (!a) return b;
  const at = b.at > a.at ? b.at : a.at;
  const rank = (e: ExerciseProgress) =>
    e.status !== 'pass' ? 0 : e.mark === 'verified' ? 3 : e.mark === 'practised' ? 2 : 1;
  // The stronger result wins; between equals, the later one (b, when times are equal).
  const kept = rank(a) > rank(b) || (rank(a) === rank(b) && a.at > b.at) ? a : b;
  return { ...kept, at };
}

export function recordQuiz(
  p: Progress,
  quizId: string,
  answers: Record<string, string>,
  correct: number,
  total: number,
  now: string,
): Progress {
  return { ...p, quizzes: { ...p.quizzes, [quizId]: { answers, correct, total, at: now } } };
}

/** A lesson counts as done when the learner said so, or every one of its exercises has passed. */
export function isLessonDone(p: Progress, slug: string, exerciseIds: readonly string[]): boolean {
  if (entry(p.lessons, slug)?.completedAt) return true;
  return (
    exerciseIds.length > 0 && exerciseIds.every((id) => entry(p.exercises, id)?.status === 'pass')
  );
}

/**
 * Joins two progress records (an import into what this browser has): nothing done in either is
 * lost, the stronger mark wins, and later times win for the same item.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const later = <T extends { at: string }>(x: T | undefined, y: T | undefined) =>
    !x ? y : !y ? x : y.at > x.at ? y : x;
  const lessons: Record<string, LessonProgress> = { ...a.lessons };
  for (const [slug, l] of Object.entries(b.lessons)) {
    const mine = entry(lessons, slug) ?? {};
    const visitedAt = [mine.visitedAt, l.visitedAt].filter(Boolean).sort().pop();
    const completedAt = [mine.completedAt, l.completedAt].filter(Boolean).sort().pop();
    lessons[slug] = {
      ...(visitedAt ? { visitedAt } : {}),
      ...(completedAt ? { completedAt } : {}),
    };
  }
  const exercises: Record<string, ExerciseProgress> = { ...a.exercises };
  for (const [id, e] of Object.entries(b.exercises)) exercises[id] = best(entry(exercises, id), e);
  const quizzes: Record<string, QuizProgress> = { ...a.quizzes };
  for (const [id, q] of Object.entries(b.quizzes)) quizzes[id] = later(entry(quizzes, id), q)!;
  return {
    version: PROGRESS_VERSION,
    lessons,
    exercises,
    quizzes,
    lastLesson: b.lastLesson ?? a.lastLesson,
  };
}
