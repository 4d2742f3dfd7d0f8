/**
 * The diagnosis, one function per part kind, so the exercise checkers word their checks exactly
 * as `explain` does. Each takes a part with where its details are (from `parseDetailed`).
 */
import { diagnoseBuild } from './diagnose-build.ts';
import { diagnoseComposeProgress } from './compose-progress.ts';
import { diagnoseEngine } from './diagnose-engine.ts';
import { diagnoseContainerLog, diagnoseCurl, diagnoseRunError } from './diagnose-run.ts';
import { diagnoseHistory, diagnoseImages, diagnosePs } from './diagnose-tables.ts';
import type { Parsed, PartOf } from './parsed.ts';
import type { Finding } from '../docker/index.ts';

export {
  diagnoseBuild,
  diagnoseContainerLog,
  diagnoseCurl,
  diagnoseEngine,
  diagnoseHistory,
  diagnoseImages,
  diagnosePs,
  diagnoseRunError,
};

export const UNRECOGNIZED: Finding = {
  id: 'unrecognized',
  severity: 'info',
  line: 1,
  message:
    'This does not look like output of docker build, images, ps, history, run or logs, or of curl.',
  hint: 'Paste the whole output of one command, ideally with the command line you typed (for example $ docker build -t demo-image .).',
};

export function diagnose(p: Parsed): Finding[] {
  const { part } = p;
  switch (part.kind) {
    case 'build':
      return diagnoseBuild(p as Parsed<PartOf<'build'>>);
    case 'images':
      return diagnoseImages(p as Parsed<PartOf<'images'>>);
    case 'ps':
      return diagnosePs(p as Parsed<PartOf<'ps'>>);
    case 'history':
      return diagnoseHistory(p as Parsed<PartOf<'history'>>);
    case 'run-error':
      return part.engine
        ? diagnoseEngine(part.engine, p.marks.error ?? part.lines[0], part.runError.message)
        : diagnoseRunError(p as Parsed<PartOf<'run-error'>>);
    case 'container-log':
      return diagnoseContainerLog(p as Parsed<PartOf<'container-log'>>);
    case 'curl':
      return diagnoseCurl(p as Parsed<PartOf<'curl'>>);
    case 'unknown':
      if (part.engine) return diagnoseEngine(part.engine, part.lines[0]);
      return part.tool === 'compose'
        ? diagnoseComposeProgress(p)
        : [{ ...UNRECOGNIZED, line: part.lines[0] }];
  }
}
