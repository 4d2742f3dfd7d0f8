/**
 * first-build, judged once for every source: a build's output (a paste, the in-browser terminal)
 * and the image on the learner's Docker Engine. What only one source can tell becomes a check of
 * its own: the steps the output shows (`steps-reported`), the image's configuration (`image-config`).
 */
import type { Check } from '../../evidence.ts';
import { imageName } from '../../docker/index.ts';
import { COURSE, COURSE_IMAGE } from '../course.ts';
import { check, notChecked } from '../verdict.ts';
import type { BuildSeen, ImageConfig, StepsReported } from './build-seen.ts';

export function succeededCheck(build: BuildSeen): Check {
  const o = build.outcome;
  return o.ok
    ? check('build-succeeded', true, o.message)
    : check('build-succeeded', false, o.message, { line: o.line, hint: o.hint });
}

function taggedCheck(build: BuildSeen): Check {
  if (!build.outcome.ok) return notChecked('tagged', build.outcome.because);
  const tag = build.tags[0];
  if (!tag) {
    return check('tagged', false, 'The image got no name, so you can only refer to it by its ID.', {
      hint: `Name it when you build: docker build -t ${COURSE_IMAGE} .`,
    });
  }
  if (imageName(tag).repository === COURSE.imageName)
    return check('tagged', true, `The image is tagged ${tag}.`, { line: build.tagLine });
  return check(
    'tagged',
    true,
    `The image is tagged ${tag}. The course calls it ${COURSE_IMAGE}: use your name wherever a lesson writes ${COURSE.imageName}.`,
    { line: build.tagLine },
  );
}

function stepsCheck(reported: StepsReported): Check {
  const { shown, cached, total, missing } = reported;
  if (shown === 0 || missing.length > 0) {
    return check(
      'steps-reported',
      false,
      shown === 0
        ? 'The output shows none of the Dockerfile’s steps.'
        : `The output does not show step(s) ${missing.join(', ')} of ${total}.`,
      {
        hint: 'Paste the whole output, from the first line to the last; with --quiet (-q) Docker prints only the image ID.',
      },
    );
  }
  return check(
    'steps-reported',
    true,
    `All ${shown} steps are there${cached ? `, ${cached} of them from the cache` : ''}.`,
  );
}

function configCheck(config: ImageConfig): Check {
  const differences: string[] = [];
  if (config.workingDir !== COURSE.workdir)
    differences.push(
      `its working directory is ${config.workingDir || '/ (none set)'}, not ${COURSE.workdir}`,
    );
  if (config.command.join(' ') !== COURSE.cmd.join(' '))
    differences.push(
      `its command is ${JSON.stringify(config.command)}, not ${JSON.stringify(COURSE.cmd)}`,
    );
  if (!config.exposedPorts.includes(`${COURSE.containerPort}/tcp`))
    differences.push(`it does not EXPOSE ${COURSE.containerPort}`);
  return differences.length === 0
    ? check(
        'image-config',
        true,
        `Its configuration matches the course’s Dockerfile: WORKDIR ${COURSE.workdir}, port ${COURSE.containerPort}, and the uvicorn command.`,
      )
    : check(
        'image-config',
        false,
        `It differs from the course’s Dockerfile: ${differences.join('; ')}.`,
        {
          hint: 'Compare your Dockerfile with the one in “Writing the Dockerfile”, fix it, and build again.',
        },
      );
}

/** What only this source can tell: the steps a build's output shows, or the image's configuration. */
function sourceCheck(build: BuildSeen): Check {
  const id = build.from === 'output' ? 'steps-reported' : 'image-config';
  if (!build.outcome.ok) return notChecked(id, build.outcome.because);
  if (build.from === 'output') return stepsCheck(build.reported);
  return build.config ? configCheck(build.config) : notChecked(id, 'the image is missing');
}

export function judgeFirstBuild(build: BuildSeen): Check[] {
  return [succeededCheck(build), taggedCheck(build), sourceCheck(build)];
}
