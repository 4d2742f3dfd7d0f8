/** demo-app-runs: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import type { Judges } from '../../dispatch.ts';
import { httpSeen } from '../../from-reading.ts';
import { judgeHttp } from '../../judge/http.ts';
import { lastPart } from '../../reading.ts';
import { verdictOf } from '../../verdict.ts';

export const judges: Judges = {
  reading: (r, source) => {
    const part = lastPart(r, 'curl');
    return part ? verdictOf(judgeHttp(httpSeen(r, part), 'host'), source) : null;
  },
};
