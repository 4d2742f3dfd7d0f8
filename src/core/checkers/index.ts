/**
 * The exercise registry: `check(id, evidence) → Verdict`, one judgement whatever the evidence came
 * from (a paste, the in-browser terminal, the learner's Docker Engine, a file). Never throws.
 */
import { messageOf } from '../text/index.ts';
import type { Evidence, Verdict } from '../evidence.ts';
import { EXERCISES } from './registry.ts';
import { unrecognized } from './verdict.ts';
import type { CheckContext } from './dispatch.ts';

export type { CheckContext } from './dispatch.ts';

export { EXERCISES } from './registry.ts';
export { CATALOG, EXERCISE_IDS, exerciseInfo } from './catalog.ts';
export type { Exercise, ExerciseId, ExerciseInfo } from './exercise.ts';
export { COURSE, COURSE_IMAGE } from './course.ts';
export { shownLines } from './shown-lines.ts';
export { judgedCommand } from './judged-command.ts';
export { transcriptText } from './reading.ts';

export function findExercise(id: string) {
  return EXERCISES.find((e) => e.id === id);
}

export function check(id: string, evidence: Evidence, context: CheckContext = {}): Verdict {
  const exercise = findExercise(id);
  if (!exercise) {
    return unrecognized(
      evidence.source,
      `There is no exercise “${id}”.`,
      `Known exercises: ${EXERCISES.map((e) => e.id).join(', ')}.`,
    );
  }
  try {
    return exercise.check(evidence, context);
  } catch (error) {
    // A checker bug must not become a broken page: say what happened, as a verdict.
    return unrecognized(
      evidence.source,
      `Layerwise could not check this (an internal error: ${messageOf(error)}).`,
      'Please report it with the text you pasted; meanwhile compare your output with the lesson’s.',
    );
  }
}
