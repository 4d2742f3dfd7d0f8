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
    lessons: { ...p.lessons, [slug]: { ...p.lessons[slug], visitedAt: now } },
  };
}

export function setLessonComplete(p: Progress, slug: string, done: boolean, now: string): Progress {
  const { completedAt: _drop, ...rest } = p.lessons[slug] ?? {};
  return { ...p, lessons: { ...p.lessons, [slug]: done ? { ...rest, completedAt: now } : rest } };
}

/** Keeps the best result: a fail after a verified pass still shows the pass, with the fail's time. */
export function recordVerdict(
  p: Progress,
  exerciseId: string,
  verdict: Verdict,
  now: string,
): Progress {
  if (verdict.status === 'unrecognized') return p;
  const before = p.exercises[exerciseId];
  const earned = verdict.status === 'pass' ? markFor(verdict.evidence) : null;
  const mark = strongest(before?.mark ?? null, earned);
  const status = verdict.status === 'pass' || before?.status === 'pass' ? 'pass' : 'fail';
  return {
    ...p,
    exercises: {
      ...p.exercises,
      [exerciseId]: { status, mark, source: verdict.evidence, at: now },
    },
  };
}

function strongest(a: Mark | null, b: Mark | null): Mark | null {
  if (a === 'verified' || b === 'verified') return 'verified';
  return a ?? b;
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
  if (p.lessons[slug]?.completedAt) return true;
  return exerciseIds.length > 0 && exerciseIds.every((id) => p.exercises[id]?.status === 'pass');
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
    const mine = lessons[slug] ?? {};
    const visitedAt = [mine.visitedAt, l.visitedAt].filter(Boolean).sort().pop();
    const completedAt = [mine.completedAt, l.completedAt].filter(Boolean).sort().pop();
    lessons[slug] = {
      ...(visitedAt ? { visitedAt } : {}),
      ...(completedAt ? { completedAt } : {}),
    };
  }
  const exercises: Record<string, ExerciseProgress> = { ...a.exercises };
  for (const [id, e] of Object.entries(b.exercises)) {
    const mine = exercises[id];
    const newest = later(mine, e)!;
    exercises[id] = {
      ...newest,
      status: mine?.status === 'pass' || e.status === 'pass' ? 'pass' : 'fail',
      mark: strongest(mine?.mark ?? null, e.mark),
    };
  }
  const quizzes: Record<string, QuizProgress> = { ...a.quizzes };
  for (const [id, q] of Object.entries(b.quizzes)) quizzes[id] = later(quizzes[id], q)!;
  return {
    version: PROGRESS_VERSION,
    lessons,
    exercises,
    quizzes,
    lastLesson: b.lastLesson ?? a.lastLesson,
  };
}
