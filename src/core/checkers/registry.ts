/** Each exercise: its catalog entry joined to its judges, per evidence source (exercises/<id>/). */
import type { Verdict } from '../evidence.ts';
import { CATALOG, type ExerciseId } from './catalog.ts';
import { dispatch, type CheckContext, type Judges } from './dispatch.ts';
import type { Exercise } from './exercise.ts';
import { judges as dockerAnswers } from './exercises/docker-answers/judges.ts';
import { judges as demoAppRuns } from './exercises/demo-app-runs/judges.ts';
import { judges as dockerfileWritten } from './exercises/dockerfile-written/judges.ts';
import { judges as firstBuild } from './exercises/first-build/judges.ts';
import { judges as cachedRebuild } from './exercises/cached-rebuild/judges.ts';
import { judges as imageListed } from './exercises/image-listed/judges.ts';
import { judges as containerRunning } from './exercises/container-running/judges.ts';
import { judges as appReachable } from './exercises/app-reachable/judges.ts';
import { judges as codeReloaded } from './exercises/code-reloaded/judges.ts';

const JUDGES: Record<ExerciseId, Judges> = {
  'docker-answers': dockerAnswers,
  'demo-app-runs': demoAppRuns,
  'dockerfile-written': dockerfileWritten,
  'first-build': firstBuild,
  'cached-rebuild': cachedRebuild,
  'image-listed': imageListed,
  'container-running': containerRunning,
  'app-reachable': appReachable,
  'code-reloaded': codeReloaded,
};

export const EXERCISES: readonly Exercise[] = CATALOG.map((info) => ({
  ...info,
  check: (evidence, context?: CheckContext): Verdict =>
    dispatch(info, JUDGES[info.id], evidence, context),
}));
