/** container-running: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import { COURSE_IMAGE } from '../../course.ts';
import type { Judges } from '../../dispatch.ts';
import { containersIn, wantedImage } from '../../engine/snapshot-seen.ts';
import { containersSeen, listsStopped } from '../../from-reading.ts';
import { judgeContainerRunning } from '../../judge/containers.ts';
import { lastPart } from '../../reading.ts';
import { verdictOf } from '../../verdict.ts';

export const judges: Judges = {
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
  engine: (s) => verdictOf(judgeContainerRunning(containersIn(s), wantedImage(s), true), 'engine'),
};
