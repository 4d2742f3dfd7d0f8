/**
 * Reads stored progress of any version this site ever wrote. Never throws: what cannot be read
 * is reported once (`problem`) and the valid parts are kept.
 */
import {
  PROGRESS_VERSION,
  emptyProgress,
  type ExerciseProgress,
  type LessonProgress,
  type Progress,
  type QuizProgress,
} from './model.ts';

export interface LoadResult {
  progress: Progress;
  /** set when something stored could not be read; the caller shows it once */
  problem: string | null;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoish = (v: Json): v is string =>
  typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

export function parseProgress(raw: string | null): LoadResult {
  if (raw === null || raw === '') return { progress: emptyProgress(), problem: null };
  let data: Json;
  try {
    data = JSON.parse(raw);
  } catch {
    return {
      progress: emptyProgress(),
      problem: 'Your saved progress could not be read (it is not valid JSON), so it was reset.',
    };
  }
  return migrate(data);
}

export function migrate(data: Json): LoadResult {
  if (!isObject(data))
    return {
      progress: emptyProgress(),
      problem: 'Your saved progress was not in a form this site knows, so it was reset.',
    };
  const version = data['version'];
  if (version === 1) return fromV1(data);
  if (version === PROGRESS_VERSION) return fromV2(data);
  if (typeof version === 'number' && version > PROGRESS_VERSION) {
    return {
      progress: emptyProgress(),
      problem: `Your saved progress comes from a newer version of Layerwise (format ${version}); it was left as it is and not loaded.`,
    };
  }
  return {
    progress: emptyProgress(),
    problem: 'Your saved progress had no version this site knows, so it was reset.',
  };
}

/** Format 1 kept lessons and the last lesson only; exercises and quizzes came with format 2. */
function fromV1(data: Record<string, Json>): LoadResult {
  return fromV2({ lessons: data['lessons'], lastLesson: data['lastLesson'] });
}

function fromV2(data: Record<string, Json>): LoadResult {
  const p = emptyProgress();
  let dropped = 0;
  const take = <T>(field: string, read: (v: Json) => T | null, into: Record<string, T>) => {
    const src = data[field];
    if (src === undefined) return;
    if (!isObject(src)) {
      dropped++;
      return;
    }
    for (const [k, v] of Object.entries(src)) {
      // `into.__proto__ = value` would replace the map's prototype, not add an entry (audit F7).
      const value = k === '__proto__' ? null : read(v);
      if (value === null) dropped++;
      else into[k] = value;
    }
  };
  take('lessons', readLesson, p.lessons);
  take('exercises', readExercise, p.exercises);
  take('quizzes', readQuiz, p.quizzes);
  const last = data['lastLesson'];
  if (typeof last === 'string') p.lastLesson = last;
  else if (last !== null && last !== undefined) dropped++;
  return {
    progress: p,
    problem: dropped ? `${dropped} saved item(s) could not be read and were skipped.` : null,
  };
}

function readLesson(v: Json): LessonProgress | null {
  if (!isObject(v)) return null;
  const out: LessonProgress = {};
  if (isIsoish(v['visitedAt'])) out.visitedAt = v['visitedAt'];
  if (isIsoish(v['completedAt'])) out.completedAt = v['completedAt'];
  return out;
}

function readExercise(v: Json): ExerciseProgress | null {
  if (!isObject(v)) return null;
  const { status, mark, source, at } = v;
  if (status !== 'pass' && status !== 'fail') return null;
  if (mark !== 'verified' && mark !== 'practised' && mark !== null) return null;
  if (source !== 'paste' && source !== 'sandbox' && source !== 'engine' && source !== 'file')
    return null;
  if (!isIsoish(at)) return null;
  return { status, mark, source, at };
}

function readQuiz(v: Json): QuizProgress | null {
  if (!isObject(v) || !isObject(v['answers'])) return null;
  const { correct, total, at } = v;
  if (typeof correct !== 'number' || typeof total !== 'number' || !isIsoish(at)) return null;
  const answers: Record<string, string> = {};
  for (const [q, a] of Object.entries(v['answers']))
    if (typeof a === 'string' && q !== '__proto__') answers[q] = a;
  return { answers, correct, total, at };
}
