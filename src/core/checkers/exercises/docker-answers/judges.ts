/** docker-answers: its judges, one per evidence source it reads (see ./info.ts for what it is). */
import { diagnose, diagnoseEngine, type EngineInfo } from '../../../docker-output/index.ts';
import type { EngineSnapshot } from '../../../evidence.ts';
import type { Judges } from '../../dispatch.ts';
import { judgeEngine } from '../../judge/engine.ts';
import { unrecognized, verdictOf } from '../../verdict.ts';

/** `docker --version` (or `docker -v`): the client's one line, which says nothing about the engine. */
const CLIENT_LINE = /^Docker version \d+\.\d+\S*, build \w+/m;

/** The engine's GET /version as docker version's Server section would show it. */
function engineInfo(s: EngineSnapshot): EngineInfo {
  const server = {
    product: null,
    version: s.engine.version,
    apiVersion: s.engine.apiVersion,
    minApiVersion: null,
    os: `${s.engine.os}/${s.engine.arch}`,
  };
  return {
    command: null,
    client: null,
    server,
    state: 'ok',
    desktop: false,
    product: s.engine.kind,
  };
}

export const judges: Judges = {
  reading: (r, source) => {
    // The last answer (or failure) shown: a learner who fixed the problem pastes both.
    const p = r.parsed.filter((x) => 'engine' in x.part && x.part.engine).pop();
    if (!p || !('engine' in p.part) || !p.part.engine)
      return CLIENT_LINE.test(r.lines.join('\n'))
        ? unrecognized(
            source,
            'This is docker --version: the docker command’s own version, in one line. It does not ask the engine anything.',
            'Run docker version (no dashes), which asks both the command and the engine, and paste everything it printed.',
          )
        : null;
    return verdictOf(judgeEngine(p.part.engine, diagnose(p), p.part.lines[0]), source);
  },
  engine: (s) => {
    const engine = engineInfo(s);
    return verdictOf(judgeEngine(engine, diagnoseEngine(engine, 0)), 'engine');
  },
};
