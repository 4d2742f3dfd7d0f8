/** first-build and cached-rebuild, judged from build output (a paste, or the in-browser terminal). */
import type { Check } from '../../evidence.ts';
import type { BuildInfo, BuildStep } from '../../docker-output/index.ts';
import {
  type Finding,
  finalStage,
  imageName,
  isFrom,
  isInstall,
  isRequirementsCopy,
  isSourceCopy,
  stepLabel,
  stepName,
} from '../../docker/index.ts';
import { COURSE, COURSE_IMAGE } from '../course.ts';
import { check, notChecked } from '../verdict.ts';

export interface BuildContext {
  /** the input line where a step starts, when it can be found */
  lineOf(step: BuildStep): number | undefined;
  /** the diagnosis of the failure, worded as `layerwise explain` words it */
  failure: Finding | undefined;
  /** the line that names the image (`naming to …`, `Successfully tagged …`), when there is one */
  tagLine: number | undefined;
  /** the typed command asked for --no-cache */
  noCache: boolean;
  /** the step's text was cut at the terminal's width (BuildKit's tty view) */
  cut(step: BuildStep): boolean;
}

/** `[4/5] RUN pip install …`, with an ellipsis where the terminal cut the step's text. */
const nameOf = (step: BuildStep, ctx: BuildContext) =>
  ctx.cut(step) ? `${stepName(step)}…` : stepName(step);

export function succeededCheck(build: BuildInfo, ctx: BuildContext): Check {
  if (build.success) return check('build-succeeded', true, 'The build finished without an error.');
  const failed = build.steps.find((s) => s.failed);
  const where = failed ? ` at step ${nameOf(failed, ctx)}` : '';
  const code = build.error?.exitCode != null ? ` (exit code ${build.error.exitCode})` : '';
  return check(
    'build-succeeded',
    false,
    ctx.failure?.message ?? `The build failed${where}${code}.`,
    {
      line: ctx.failure?.line ?? (failed ? ctx.lineOf(failed) : undefined),
      hint:
        ctx.failure?.hint ??
        'Read the lines just above the error: they are the failed step’s own output.',
    },
  );
}

function taggedCheck(build: BuildInfo, ctx: BuildContext): Check {
  if (!build.success) return notChecked('tagged', 'the build failed');
  const tag = build.tags[0];
  if (!tag) {
    return check('tagged', false, 'The image got no name, so you can only refer to it by its ID.', {
      hint: `Name it when you build: docker build -t ${COURSE_IMAGE} .`,
    });
  }
  if (imageName(tag).repository === COURSE.imageName)
    return check('tagged', true, `The image is tagged ${tag}.`, { line: ctx.tagLine });
  return check(
    'tagged',
    true,
    `The image is tagged ${tag}. The course calls it ${COURSE_IMAGE}: use your name wherever a lesson writes ${COURSE.imageName}.`,
    { line: ctx.tagLine },
  );
}

function stepsCheck(build: BuildInfo): Check {
  if (!build.success) return notChecked('steps-reported', 'the build failed');
  const steps = finalStage(build.steps);
  const total = steps[0]?.total ?? null;
  // BuildKit prints a FROM that two stages share once, under the first stage's label.
  const shared =
    steps[0]?.stage !== null &&
    build.steps.some((s) => s.stage !== steps[0]?.stage && s.index === 1);
  const missing =
    total === null
      ? []
      : Array.from({ length: total }, (_, i) => i + 1).filter(
          (n) => !(shared && n === 1) && !steps.some((s) => s.index === n),
        );
  if (steps.length === 0 || missing.length > 0) {
    return check(
      'steps-reported',
      false,
      steps.length === 0
        ? 'The output shows none of the Dockerfile’s steps.'
        : `The output does not show step(s) ${missing.join(', ')} of ${total}.`,
      {
        hint: 'Paste the whole output, from the first line to the last; with --quiet (-q) Docker prints only the image ID.',
      },
    );
  }
  const cached = steps.filter((s) => s.cached).length;
  return check(
    'steps-reported',
    true,
    `All ${steps.length} steps are there${cached ? `, ${cached} of them from the cache` : ''}.`,
  );
}

export function judgeFirstBuild(build: BuildInfo, ctx: BuildContext): Check[] {
  return [succeededCheck(build, ctx), taggedCheck(build, ctx), stepsCheck(build)];
}

export function judgeCachedRebuild(build: BuildInfo, ctx: BuildContext): Check[] {
  const succeeded = succeededCheck(build, ctx);
  if (!build.success)
    return [
      succeeded,
      notChecked('install-cached', 'the build failed'),
      notChecked('source-rebuilt', 'the build failed'),
    ];
  const steps = finalStage(build.steps);
  return [succeeded, installCheck(steps, ctx), sourceCheck(steps, ctx)];
}

function installCheck(steps: BuildStep[], ctx: BuildContext): Check {
  const install = steps.find(isInstall);
  if (!install) {
    return check(
      'install-cached',
      false,
      'This build has no dependency install step (RUN pip install …).',
      {
        hint: 'The course’s Dockerfile installs the requirements with RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt.',
      },
    );
  }
  const line = ctx.lineOf(install);
  const label = nameOf(install, ctx);
  if (install.cached)
    return check(
      'install-cached',
      true,
      `${label} came from the cache: the dependencies were not installed again.`,
      { line },
    );
  const why = whyInstallRan(steps, install, ctx);
  return check('install-cached', false, `${label} ran again: ${why.message}`, {
    line: why.line ?? line,
    hint: why.hint,
  });
}

function whyInstallRan(
  steps: BuildStep[],
  install: BuildStep,
  ctx: BuildContext,
): { message: string; hint: string; line?: number | undefined } {
  if (ctx.noCache) {
    return {
      message: 'the build ran with --no-cache, which re-runs every COPY and RUN.',
      hint: 'Build again without --no-cache to see the cache at work.',
    };
  }
  if (steps.filter((s) => !isFrom(s)).every((s) => !s.cached)) {
    return {
      message: 'nothing came from the cache, so this looks like a first build.',
      hint: 'Change only app/main.py, build again with the same command, and paste the second build.',
    };
  }
  const sourceFirst = steps.find((s) => isSourceCopy(s) && s.index < install.index);
  if (sourceFirst) {
    return {
      message: `the application code is copied at ${stepLabel(sourceFirst)}, before the install, so every change to the code makes Docker install the dependencies again.`,
      hint: 'Copy requirements.txt and run pip install first, then COPY the app: COPY ./requirements.txt …, RUN pip install …, COPY ./app ….',
      line: ctx.lineOf(sourceFirst),
    };
  }
  const requirements = steps.find((s) => isRequirementsCopy(s) && s.index < install.index);
  if (requirements && !requirements.cached) {
    return {
      message:
        'requirements.txt was copied again, so everything after it re-ran. Either this is the first build of this project, or the file changed since the last build (its content or its permissions), or the build ran with --no-cache.',
      hint: 'For this exercise, build once, then change only app/main.py and run the same docker build again (without --no-cache). Paste that second build.',
      line: ctx.lineOf(requirements),
    };
  }
  const firstMiss = steps.find((s) => !isFrom(s) && !s.cached);
  return {
    message:
      firstMiss && firstMiss !== install
        ? `an earlier step, ${nameOf(firstMiss, ctx)}, changed, and every step after a change runs again.`
        : 'its command or an ARG/ENV before it changed.',
    hint: 'Between the two builds, change only app/main.py.',
    line: firstMiss ? ctx.lineOf(firstMiss) : undefined,
  };
}

function sourceCheck(steps: BuildStep[], ctx: BuildContext): Check {
  const install = steps.find(isInstall);
  const source =
    [...steps].reverse().find((s) => isSourceCopy(s) && (!install || s.index > install.index)) ??
    steps.find(isSourceCopy);
  if (!source)
    return check('source-rebuilt', false, 'This build copies no application code (COPY ./app …).', {
      hint: 'The course’s Dockerfile ends with COPY ./app /demo/app.',
    });
  const line = ctx.lineOf(source);
  const label = nameOf(source, ctx);
  if (!source.cached)
    return check(
      'source-rebuilt',
      true,
      `${label} ran again: Docker saw your change to the code.`,
      { line },
    );
  return check(
    'source-rebuilt',
    false,
    `${label} came from the cache: nothing in the copied code changed since the last build.`,
    {
      line,
      hint: 'Save app/main.py after editing it (change the message), then run the same docker build again.',
    },
  );
}
