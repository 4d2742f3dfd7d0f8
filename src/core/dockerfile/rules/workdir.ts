/** Where files land: relative WORKDIR paths, and relative paths used before any WORKDIR. */
import type { Finding } from '../../docker/index.ts';
import { finding } from '../finding.ts';
import type { Stage, Step } from '../model.ts';
import { rootImage } from '../stages.ts';
import { resolvePath, splitCommands } from '../../text/index.ts';
import { findPipInstalls } from '../pip-install.ts';
import { quote } from '../wording.ts';
import type { Rule } from './context.ts';

export const workdirRule: Rule = ({ model }) =>
  model.stages.flatMap((stage) => [
    ...stage.steps.flatMap(relativeWorkdir),
    ...missingWorkdir(stage),
  ]);

/** [LOCAL] `WORKDIR demo` then `WORKDIR sub` in python:3.13-slim gave /demo/sub: each is resolved against the one before. */
function relativeWorkdir(step: Step): Finding[] {
  const path = step.args.join(' ');
  if (step.keyword !== 'WORKDIR' || path === '' || /^(?:\/|\$|[A-Za-z]:)/.test(path)) return [];
  const absolute = resolvePath(step.workdir ?? '/', path);
  return [
    finding(
      'workdir-relative',
      step.line,
      `${quote(step.instruction)} is a relative path. Docker resolves it against the working directory of that moment (here it gives ${absolute}), so where your files land depends on the base image and on every WORKDIR before it.`,
      `Write the absolute path: WORKDIR ${absolute}`,
    ),
  ];
}

/**
 * The first step that uses a relative path while no WORKDIR is set: a relative COPY/ADD destination,
 * a `./` path in RUN, or a relative `pip install -r` file. [LOCAL] In python:3.13-slim,
 * whose config has no WorkingDir, `COPY . .` without WORKDIR put the project in / (/app, /requirements.txt).
 */
function missingWorkdir(stage: Stage): Finding[] {
  const step = stage.steps.find((s) => s.workdir === null && usesRelativePath(s));
  if (!step) return [];
  const base = rootImage(stage)?.name === 'python' ? '/ in the python images' : 'often /';
  return [
    finding(
      'workdir-missing',
      step.line,
      `${quote(step.instruction)} uses a relative path before any WORKDIR, so it is relative to the base image's working directory (${base}). Your files then land in the root of the file system, among /bin, /etc and the rest of the system.`,
      'Add WORKDIR /app (or another folder of your own) above this line: it creates the folder, and later COPY, RUN and CMD work inside it.',
    ),
  ];
}

function usesRelativePath(step: Step): boolean {
  if (step.keyword === 'COPY' || step.keyword === 'ADD') {
    const args = step.exec ?? step.args;
    return args.length >= 2 && !/^[/$]/.test(args.at(-1) ?? '/');
  }
  if (step.keyword !== 'RUN') return false;
  const words = step.exec ?? splitCommands(step.text).flat();
  return (
    words.some((w) => /^\.\.?\//.test(w)) ||
    findPipInstalls(step).some((install) => install.requirementFiles.some((f) => !/^[/$]/.test(f)))
  );
}
