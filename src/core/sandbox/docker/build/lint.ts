/**
 * BuildKit's build checks, the ones its Dockerfile frontend (v0.25, Docker 28.5) runs by
 * default, in their short form `Rule: message (line N)` (moby/buildkit
 * frontend/dockerfile/linter/ruleset.go; where each runs: instructions/parse.go,
 * dockerfile2llb/convert.go, convert_expose.go). buildx lists them after the build in no set
 * order.
 */
import type { Step } from './definition.ts';
import { exposeWords } from '../../../dockerfile/index.ts';

const SECRET =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const PUBLIC = /(?:_|^)public(?:_|$)/i;

/** The keyword as written (`from`, `Cmd`): the checks compare casing. */
const written = (s: Step) => /^\S+/.exec(s.instruction)?.[0] ?? s.keyword;
const selfConsistent = (w: string) => w === w.toLowerCase() || w === w.toUpperCase();

export function lintDockerfile(steps: readonly Step[], shellSet = false): string[] {
  const warnings: string[] = [];
  const warn = (rule: string, message: string, line: number) =>
    warnings.push(`${rule}: ${message} (line ${line})`);

  // Parse-time checks.
  for (const s of steps) {
    if (s.keyword === 'MAINTAINER')
      warn(
        'MaintainerDeprecated',
        'Maintainer instruction is deprecated in favor of using label',
        s.line,
      );
    if (s.keyword === 'FROM' && s.rawArgs.length === 3) {
      const [, as, name] = s.rawArgs as [string, string, string];
      if (name !== name.toLowerCase())
        warn('StageNameCasing', `Stage name '${name}' should be lowercase`, s.line);
      const from = written(s);
      if (
        selfConsistent(from) &&
        (from === from.toLowerCase() ? as !== as.toLowerCase() : as !== as.toUpperCase())
      )
        warn('FromAsCasing', `'${as}' and '${from}' keywords' casing do not match`, s.line);
    }
  }

  // The casing of the whole file, against its majority.
  let lower = 0;
  let upper = 0;
  for (const s of steps) {
    const w = written(s);
    if (!selfConsistent(w)) continue;
    if (w === w.toLowerCase()) lower++;
    else upper++;
  }
  const majorityLower = lower > upper;
  for (const s of steps) {
    const w = written(s);
    const casing =
      majorityLower && w !== w.toLowerCase()
        ? 'lowercase'
        : !majorityLower && w !== w.toUpperCase()
          ? 'uppercase'
          : null;
    if (casing)
      warn(
        'ConsistentInstructionCasing',
        `Command '${w}' should match the case of the command majority (${casing})`,
        s.line,
      );
  }

  // Dispatch-time checks, stage by stage.
  let workdirSet = false;
  const usedOnce = new Map<string, Step>();
  for (const s of steps) {
    const w = written(s);
    switch (s.keyword) {
      case 'FROM':
        workdirSet = false;
        usedOnce.clear();
        break;
      case 'ENV':
      case 'LABEL':
        if (s.text.trim() && !/^[^\s=]+=/.test(s.text.trim()))
          warn(
            'LegacyKeyValueFormat',
            `"${w} key=value" should be used instead of legacy "${w} key value" format`,
            s.line,
          );
        if (s.keyword === 'ENV') secrets('ENV', s);
        break;
      case 'ARG':
        secrets('ARG', s);
        break;
      case 'WORKDIR': {
        const path = s.rawArgs[0] ?? '';
        if (!workdirSet && !path.startsWith('/') && !path.startsWith('$'))
          warn(
            'WorkdirRelativePath',
            `Relative workdir ${JSON.stringify(path)} can have unexpected results if the base image changes`,
            s.line,
          );
        workdirSet = true;
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT':
      case 'HEALTHCHECK': {
        const previous = usedOnce.get(s.keyword);
        if (previous)
          warn(
            'MultipleInstructionsDisallowed',
            `Multiple ${w} instructions should not be used in the same stage because only the last one will be used`,
            previous.line,
          );
        usedOnce.set(s.keyword, s);
        if (s.keyword !== 'HEALTHCHECK' && !s.exec && !shellSet)
          warn(
            'JSONArgsRecommended',
            `JSON arguments recommended for ${w} to prevent unintended behavior related to OS signals`,
            s.line,
          );
        break;
      }
      case 'SHELL':
        shellSet = true;
        break;
      case 'EXPOSE':
        for (const word of exposeWords(s.rawArgs)) {
          const proto = word.includes('/') ? word.slice(word.lastIndexOf('/') + 1) : '';
          if (proto !== proto.toLowerCase())
            warn(
              'ExposeProtoCasing',
              `Defined protocol '${word}' in EXPOSE instruction should be lowercase`,
              s.line,
            );
          if (word.replace(/\/.*$/, '').includes(':'))
            warn(
              'ExposeInvalidFormat',
              `EXPOSE instruction should not define an IP address or host-port mapping, found '${word}'`,
              s.line,
            );
        }
        break;
    }
  }
  return warnings;

  function secrets(instruction: 'ENV' | 'ARG', s: Step) {
    for (const [key] of s.properties)
      if (SECRET.test(key) && !PUBLIC.test(key))
        warn(
          'SecretsUsedInArgOrEnv',
          `Do not use ARG or ENV instructions for sensitive data (${instruction} ${JSON.stringify(key)})`,
          s.line,
        );
  }
}
