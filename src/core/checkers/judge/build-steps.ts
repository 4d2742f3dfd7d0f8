/**
 * Naming the course's steps, whatever the builder printed: from a build's step text, and (through
 * engine/layers.ts) from an image's history. One set of patterns for both, so a paste and the
 * Engine recognise the install and the copies alike.
 */
import type { BuildStep } from '../../docker-output/types.ts';

const INSTALL = /^RUN\b.*\b(?:pip3?|python3? -m pip|uv pip|poetry|pipenv)\s+(?:install|sync)\b/i;
const COPY = /^(?:COPY|ADD)\b/i;
const REQUIREMENTS = /requirements[\w.-]*\.txt|pyproject\.toml|poetry\.lock|Pipfile/i;

/** `RUN pip install …` and its kin, as an instruction's text. */
export const installs = (text: string) => INSTALL.test(text);
export const copiesRequirements = (text: string) => COPY.test(text) && REQUIREMENTS.test(text);
/** Any COPY/ADD that is not the dependency file: the application source. */
export const copiesSource = (text: string) => COPY.test(text) && !REQUIREMENTS.test(text);

export const isInstall = (s: BuildStep) => installs(s.instruction);
export const isRequirementsCopy = (s: BuildStep) => copiesRequirements(s.instruction);
export const isSourceCopy = (s: BuildStep) => copiesSource(s.instruction);
export const isWorkdir = (s: BuildStep) => /^WORKDIR\b/i.test(s.instruction);
export const isFrom = (s: BuildStep) => /^FROM\b/i.test(s.instruction);

/** `[4/5]`, or `[build 2/6]` in a multi-stage build. */
export function stepLabel(s: BuildStep): string {
  return `[${s.stage ? `${s.stage} ` : ''}${s.index}/${s.total ?? '?'}]`;
}

/** The final stage's steps: the ones that make the image the learner runs. */
export function finalStage(steps: readonly BuildStep[]): BuildStep[] {
  const last = steps[steps.length - 1];
  return last ? steps.filter((s) => s.stage === last.stage) : [];
}
