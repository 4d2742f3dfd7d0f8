/** code-reloaded: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import type { Judges } from '../../dispatch.ts';
import { httpAfter } from '../../from-reading.ts';
import { judgeReload, reloadSeen } from '../../judge/reload.ts';
import { lastPart } from '../../reading.ts';
import { verdictOf } from '../../verdict.ts';

export const judges: Judges = {
  reading: (r, source) => {
    if (!lastPart(r, 'container-log')) return null;
    return verdictOf(judgeReload(reloadSeen(r.lines, (line) => httpAfter(r, line))), source);
  },
};
