/**
 * The kind of a failed build, from the builder's own words (BuildKit 0.8 to today, the legacy
 * builder, Buildah/Podman) and the step that failed.
 */
import type { BuildError, BuildErrorKind } from './types.ts';

const EXIT =
  /did not complete successfully: exit code: (\d+)|executor failed running .*: exit code: (\d+)|returned a non-zero code: (\d+)|while running runtime: exit status (\d+)/;

/** Docker's words for a port it cannot read; in a build, an EXPOSE word (the group is the word). */
export const PORT_SPEC_ERROR =
  /(?:invalid (?:containerPort|hostPort|proto)|no port specified): (\S*)/i;

const RULES: [BuildErrorKind, RegExp][] = [
  [
    'dockerfile-missing',
    /failed to read dockerfile|unable to evaluate symlinks in Dockerfile path|Cannot locate specified Dockerfile|no Containerfile or Dockerfile|no context directory and no Containerfile|open \S*(?:Dockerfile|Containerfile)\S*: no such file|lstat \S*(?:Dockerfile|Containerfile)\S*: no such file/i,
  ],
  [
    'dockerfile-parse',
    /dockerfile parse error|unknown instruction|failed to parse dockerfile|file with no instructions|Please ensure it is a valid Dockerfile/i,
  ],
  // An EXPOSE word that is not a port is refused while the Dockerfile is read, before any step runs.
  ['dockerfile-parse', PORT_SPEC_ERROR],
  // the legacy builder's lstat of a COPY/ADD source (its Dockerfile's lstat is read above)
  [
    'copy-source-missing',
    /failed to compute cache key|failed to calculate checksum|"[^"]*":? not found: not found|(?:COPY|ADD) failed|copier: stat|checking on sources|file not found in build context|(?:^|: )lstat \S+: no such file or directory/,
  ],
  [
    'base-image-not-found',
    /pull access denied|failed to resolve source metadata|manifest (?:for \S+ )?(?:not found|unknown)|repository does not exist|: not found$/,
  ],
];

/** `failedStep`: the instruction of the step that failed, when the output says which. */
export function classify(message: string, failedStep: string | null): BuildError {
  const exit = EXIT.exec(message);
  if (exit) {
    const code = exit.slice(1).find((g) => g !== undefined)!;
    return { kind: 'run-failed', message, exitCode: Number(code) };
  }
  for (const [kind, re] of RULES) if (re.test(message)) return { kind, message };
  // The legacy builder's bare "lstat requirements.txt: no such file or directory" after a COPY step.
  if (
    failedStep &&
    /\b(?:COPY|ADD)\b/.test(failedStep) &&
    /no such file or directory|not found/i.test(message)
  )
    return { kind: 'copy-source-missing', message };
  // Network and registry errors while resolving the FROM image surface with various wordings.
  if (failedStep && /^(?:FROM\b|\[internal\] load metadata for\b)/.test(failedStep))
    return { kind: 'base-image-not-found', message };
  return { kind: 'other', message };
}
