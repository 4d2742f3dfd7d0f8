/** first-build: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import type { Judges } from '../../dispatch.ts';
import { imageBuildSeen } from '../../engine/build-seen.ts';
import { buildSeen } from '../../from-reading.ts';
import { judgeFirstBuild } from '../../judge/build.ts';
import { lastPart } from '../../reading.ts';
import { verdictOf } from '../../verdict.ts';

export const judges: Judges = {
  reading: (r, source) => {
    const part = lastPart(r, 'build');
    return part ? verdictOf(judgeFirstBuild(buildSeen(r, part)), source) : null;
  },
  engine: (s) => verdictOf(judgeFirstBuild(imageBuildSeen(s, false)), 'engine'),
};
