/**
 * The course's exercises, in course order: the facts a page shows, each from its folder
 * (exercises/<id>/info.ts, beside the judges in exercises/<id>/judges.ts). ExerciseId is derived
 * from this list, so a new exercise is one folder and one line here; the compiler then asks for
 * its judges in registry.ts, and the lesson schema accepts its id in a lesson's `exercises:`.
 */
import type { ExerciseInfo } from './exercise.ts';
import { info as dockerAnswers } from './exercises/docker-answers/info.ts';
import { info as demoAppRuns } from './exercises/demo-app-runs/info.ts';
import { info as dockerfileWritten } from './exercises/dockerfile-written/info.ts';
import { info as firstBuild } from './exercises/first-build/info.ts';
import { info as cachedRebuild } from './exercises/cached-rebuild/info.ts';
import { info as imageListed } from './exercises/image-listed/info.ts';
import { info as containerRunning } from './exercises/container-running/info.ts';
import { info as appReachable } from './exercises/app-reachable/info.ts';
import { info as codeReloaded } from './exercises/code-reloaded/info.ts';

export const CATALOG = [
  dockerAnswers,
  demoAppRuns,
  dockerfileWritten,
  firstBuild,
  cachedRebuild,
  imageListed,
  containerRunning,
  appReachable,
  codeReloaded,
] as const satisfies readonly ExerciseInfo[];

export type ExerciseId = (typeof CATALOG)[number]['id'];

export const EXERCISE_IDS = CATALOG.map((e) => e.id) as readonly ExerciseId[] as [
  ExerciseId,
  ...ExerciseId[],
];

export function exerciseInfo(id: string): ExerciseInfo | undefined {
  return CATALOG.find((e) => e.id === id);
}
