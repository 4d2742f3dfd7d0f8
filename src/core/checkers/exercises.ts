/** Each exercise: its catalog entry joined to its judges, per evidence source. */
import type { Verdict } from '../evidence.ts';
import { CATALOG } from './catalog.ts';
import { dispatch, type CheckContext, type Judges } from './dispatch.ts';
import type { Exercise, ExerciseId } from './exercise.ts';
import { COURSE_IMAGE } from './course.ts';
import {
  buildSeen,
  containersSeen,
  httpAfter,
  httpSeen,
  imagesSeen,
  listsStopped,
} from './from-reading.ts';
import { judgeFirstBuild } from './judge/build.ts';
import { judgeCachedRebuild } from './judge/rebuild.ts';
import { imageBuildSeen } from './engine/build-seen.ts';
import { judgeContainerRunning } from './judge/containers.ts';
import { judgeHttp } from './judge/http.ts';
import { judgeImageListed } from './judge/images.ts';
import { judgeReload, reloadSeen } from './judge/reload.ts';
import { lastPart } from './reading.ts';
import { verdictOf } from './verdict.ts';
import { engineAppReachable, engineContainerRunning, engineImageListed } from './engine/judges.ts';
import { dockerfileJudges } from './dockerfile-written.ts';

const JUDGES: Record<ExerciseId, Judges> = {
  'demo-app-runs': {
    reading: (r, source) => {
      const part = lastPart(r, 'curl');
      return part ? verdictOf(judgeHttp(httpSeen(r, part), 'host'), source) : null;
    },
  },
  'dockerfile-written': dockerfileJudges,
  'first-build': {
    reading: (r, source) => {
      const part = lastPart(r, 'build');
      return part ? verdictOf(judgeFirstBuild(buildSeen(r, part)), source) : null;
    },
    engine: (s) => verdictOf(judgeFirstBuild(imageBuildSeen(s, false)), 'engine'),
  },
  'cached-rebuild': {
    reading: (r, source) => {
      const part = lastPart(r, 'build');
      return part ? verdictOf(judgeCachedRebuild(buildSeen(r, part)), source) : null;
    },
    engine: (s) => verdictOf(judgeCachedRebuild(imageBuildSeen(s, true)), 'engine'),
  },
  'image-listed': {
    reading: (r, source) => {
      const part = lastPart(r, 'images');
      return part
        ? verdictOf(judgeImageListed(imagesSeen(part), COURSE_IMAGE, part.part.lines[0]), source)
        : null;
    },
    engine: engineImageListed,
  },
  'container-running': {
    reading: (r, source) => {
      const part = lastPart(r, 'ps');
      return part
        ? verdictOf(
            judgeContainerRunning(
              containersSeen(part),
              COURSE_IMAGE,
              listsStopped(r, part),
              part.part.lines[0],
            ),
            source,
          )
        : null;
    },
    engine: engineContainerRunning,
  },
  'app-reachable': {
    reading: (r, source) => {
      const part = lastPart(r, 'curl');
      return part ? verdictOf(judgeHttp(httpSeen(r, part), 'container'), source) : null;
    },
    engine: engineAppReachable,
  },
  'code-reloaded': {
    reading: (r, source) => {
      if (!lastPart(r, 'container-log')) return null;
      return verdictOf(judgeReload(reloadSeen(r.lines, (line) => httpAfter(r, line))), source);
    },
  },
};

export const EXERCISES: readonly Exercise[] = CATALOG.map((info) => ({
  ...info,
  check: (evidence, context?: CheckContext): Verdict =>
    dispatch(info, JUDGES[info.id], evidence, context),
}));
