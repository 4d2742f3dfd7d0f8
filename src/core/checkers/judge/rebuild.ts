/**
 * cached-rebuild, judged once for every source: did the dependency install come from the cache,
 * and did the application code's step run again? A build's output says which steps were CACHED;
 * an image says it through the layers it shares with the build before it (`previous-build`).
 */
import type { Check } from '../../evidence.ts';
import { isFrom, isInstall, isRequirementsCopy, isSourceCopy } from '../../docker/index.ts';
import { COURSE, COURSE_IMAGE } from '../course.ts';
import { check, notChecked } from '../verdict.ts';
import type { BuildSeen, StepSeen } from './build-seen.ts';
import { succeededCheck } from './build.ts';

const REST = ['install-cached', 'source-rebuilt'] as const;

export function judgeCachedRebuild(build: BuildSeen): Check[] {
  const succeeded = succeededCheck(build);
  const compares = build.from === 'image';
  if (!build.outcome.ok) {
    const because = build.outcome.because;
    const ids = compares ? (['previous-build', ...REST] as const) : REST;
    return [succeeded, ...ids.map((id) => notChecked(id, because))];
  }
  if (compares && !build.previous) {
    return [
      succeeded,
      check(
        'previous-build',
        false,
        'The build before this one is not on your Docker Engine any more, so there is nothing to compare with.',
        {
          hint: `Tag the current image before you rebuild (docker tag ${build.tags[0] ?? COURSE_IMAGE} ${COURSE.imageName}:before), change app/main.py, build again, then run layerwise verify cached-rebuild --previous ${COURSE.imageName}:before.`,
        },
      ),
      ...REST.map((id) => notChecked(id, 'there is no earlier build to compare with')),
    ];
  }
  const found =
    compares && build.previous
      ? [check('previous-build', true, `Compared with the build before it: ${build.previous.how}.`)]
      : [];
  return [succeeded, ...found, installCheck(build), sourceCheck(build.steps)];
}

function installCheck(build: BuildSeen): Check {
  const install = build.steps.find(isInstall);
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
  if (install.cached)
    return check(
      'install-cached',
      true,
      `${install.name} came from the cache: the dependencies were not installed again.`,
      { line: install.line },
    );
  const why = whyInstallRan(build, install);
  return check('install-cached', false, `${install.name} ran again: ${why.message}`, {
    line: why.line ?? install.line,
    hint: why.hint,
  });
}

function whyInstallRan(
  build: BuildSeen,
  install: StepSeen,
): { message: string; hint: string; line?: number | undefined } {
  const { steps } = build;
  const before = steps.slice(0, steps.indexOf(install));
  // What the learner does with the second build: paste it, or ask their engine again.
  const [and, then] =
    build.from === 'output'
      ? ['and paste the second build', 'Paste that second build.']
      : ['and check again', 'Then check again.'];
  if (build.noCache) {
    return {
      message: 'the build ran with --no-cache, which re-runs every COPY and RUN.',
      hint: 'Build again without --no-cache to see the cache at work.',
    };
  }
  if (steps.filter((s) => !isFrom(s)).every((s) => !s.cached)) {
    return {
      message: 'nothing came from the cache, so this looks like a first build.',
      hint: `Change only app/main.py, build again with the same command, ${and}.`,
    };
  }
  const sourceFirst = before.find(isSourceCopy);
  if (sourceFirst) {
    return {
      message: `the application code is copied at ${sourceFirst.label}, before the install, so every change to the code makes Docker install the dependencies again.`,
      hint: 'Copy requirements.txt and run pip install first, then COPY the app: COPY ./requirements.txt …, RUN pip install …, COPY ./app ….',
      line: sourceFirst.line,
    };
  }
  const requirements = before.find(isRequirementsCopy);
  if (requirements && !requirements.cached) {
    return {
      message:
        'requirements.txt was copied again, so everything after it re-ran. Either this is the first build of this project, or the file changed since the last build (its content or its permissions), or the build ran with --no-cache.',
      hint: `For this exercise, build once, then change only app/main.py and run the same docker build again (without --no-cache). ${then}`,
      line: requirements.line,
    };
  }
  const firstMiss = steps.find((s) => !isFrom(s) && !s.cached);
  return {
    message:
      firstMiss && firstMiss !== install
        ? `an earlier step, ${firstMiss.name}, changed, and every step after a change runs again.`
        : 'its command or an ARG/ENV before it changed.',
    hint: 'Between the two builds, change only app/main.py.',
    line: firstMiss?.line,
  };
}

function sourceCheck(steps: StepSeen[]): Check {
  const at = steps.findIndex(isInstall);
  const source =
    steps.findLast((s, i) => isSourceCopy(s) && (at < 0 || i > at)) ?? steps.find(isSourceCopy);
  if (!source)
    return check('source-rebuilt', false, 'This build copies no application code (COPY ./app …).', {
      hint: 'The course’s Dockerfile ends with COPY ./app /demo/app.',
    });
  if (!source.cached)
    return check(
      'source-rebuilt',
      true,
      `${source.name} ran again: Docker saw your change to the code.`,
      { line: source.line },
    );
  return check(
    'source-rebuilt',
    false,
    `${source.name} came from the cache: nothing in the copied code changed since the last build.`,
    {
      line: source.line,
      hint: 'Save app/main.py after editing it (change the message), then run the same docker build again.',
    },
  );
}
