/**
 * Naming a Dockerfile's steps, whatever printed them: a build's step text (BuildKit, the legacy
 * builder, Podman) or an image's history row (`stepText`). One set of patterns for the output
 * diagnosis, the checkers and the engine's layers, so all recognise the install and the copies alike.
 */

/** A step as a build prints it: `[stage index/total] instruction`. */
export interface LabelledStep {
  /** multi-stage name such as `build` or `stage-1`; null for a single-stage build */
  stage: string | null;
  index: number;
  total: number | null;
  /** as printed, e.g. `COPY ./requirements.txt /demo/requirements.txt` */
  instruction: string;
}

const INSTALL =
  /\b(?:(?:pip3?|python3? -m pip|uv pip|poetry|pipenv)\s+(?:install|sync)|uv sync|npm (?:ci|install))\b/i;
const COPY = /^(?:COPY|ADD)\b/i;
const REQUIREMENTS = /requirements[\w.-]*\.txt|pyproject\.toml|poetry\.lock|Pipfile/i;
/** `COPY . /demo`, `COPY --chown=app ./ /demo`: the whole build context in one step */
const WHOLE_CONTEXT = /^COPY (?:--\S+ )*\.\/? \S+$/;

/** `RUN pip install …` and its kin (uv, poetry, pipenv, npm), as an instruction's text. */
export const installs = (text: string) => /^RUN\b/i.test(text) && INSTALL.test(text);
export const copiesRequirements = (text: string) => COPY.test(text) && REQUIREMENTS.test(text);
/** Any COPY/ADD that is not the dependency file: the application source. */
export const copiesSource = (text: string) => COPY.test(text) && !REQUIREMENTS.test(text);
/** The whole project in one COPY: every code change invalidates the steps after it. */
export const copiesWholeContext = (text: string) => WHOLE_CONTEXT.test(text);

/** Anything with an instruction's text: a build's step, or an image layer's history row read as one. */
type Instruction = Pick<LabelledStep, 'instruction'>;

export const isInstall = (s: Instruction) => installs(s.instruction);
export const isRequirementsCopy = (s: Instruction) => copiesRequirements(s.instruction);
export const isSourceCopy = (s: Instruction) => copiesSource(s.instruction);
export const isWorkdir = (s: Instruction) => /^WORKDIR\b/i.test(s.instruction);
export const isFrom = (s: Instruction) => /^FROM\b/i.test(s.instruction);

/** `[4/5]`, or `[build 2/6]` in a multi-stage build. */
export function stepLabel(s: LabelledStep): string {
  return `[${s.stage ? `${s.stage} ` : ''}${s.index}/${s.total ?? '?'}]`;
}

/** `[4/5] RUN pip install -r requirements.txt`: how messages name a step. */
export const stepName = (s: LabelledStep) => `${stepLabel(s)} ${s.instruction}`;

/** The final stage's steps: the ones that make the image the learner runs. */
export function finalStage<S extends LabelledStep>(steps: readonly S[]): S[] {
  const last = steps[steps.length - 1];
  return last ? steps.filter((s) => s.stage === last.stage) : [];
}

/**
 * An image history row (`CreatedBy`) as the instruction it was: `COPY ./app /demo/app # buildkit`
 * → `COPY ./app /demo/app`; the legacy builder's `/bin/sh -c #(nop)  CMD …` → `CMD …`, its
 * `/bin/sh -c pip install …` → `RUN pip install …`.
 */
export function stepText(createdBy: string): string {
  return createdBy
    .replace(/\s*# buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .trim();
}
