/**
 * The cache mistake: application code copied before the dependencies are installed. A COPY's cache
 * key includes the checksum of the files it copies, and once a step misses, every later step runs
 * again (docker-semantics.md §1.1, §1.3, §1.4: [LOCAL] editing app/main.py re-ran only the steps
 * from `COPY ./app` on).
 */
import type { Finding } from '../../docker/index.ts';
import { isDependencyManifest, readCopies } from '../copies.ts';
import { finding } from '../finding.ts';
import type { Stage } from '../model.ts';
import { findPipInstalls } from '../pip-install.ts';
import { quote } from '../wording.ts';
import type { Rule } from './context.ts';

export const layerOrderRule: Rule = ({ model }) => model.stages.flatMap(checkStage);

function checkStage(stage: Stage): Finding[] {
  const installIndex = stage.steps.findIndex((s) =>
    findPipInstalls(s).some((i) => i.requirementFiles.length > 0 || i.packages.length > 0),
  );
  const install = stage.steps[installIndex];
  if (!install) return [];
  const requirementFile = findPipInstalls(install).flatMap((i) => i.requirementFiles)[0];
  const before = readCopies(stage.steps.slice(0, installIndex)).filter(
    (c) => c.from === null && !c.heredoc,
  );
  const code = before.find((c) => c.sources.some((s) => !isDependencyManifest(s)));
  if (!code) return [];
  const requirementsCopy = before.find((c) => c !== code && c.sources.every(isDependencyManifest));
  const copyRequirements =
    requirementsCopy?.step.instruction ??
    (requirementFile === undefined ? null : copyLineFor(requirementFile));
  const order = [copyRequirements, install.instruction, code.step.instruction].filter(
    (l) => l !== null,
  );
  return [
    finding(
      'install-after-source',
      code.step.line,
      `${quote(code.step.instruction)} (line ${code.step.line}) copies your application code before ${quote(install.instruction)} (line ${install.line}). Any change to your code changes this step, and Docker then re-runs every step after it, so pip reinstalls all your dependencies on every build.`,
      `${copyRequirements === null ? 'Install the dependencies first' : 'Copy the requirements file on its own, install'}, and only then copy the code:\n${order.join('\n')}`,
    ),
  ];
}

/** The COPY the learner needs to add when only the code copy brought the requirements file in. */
function copyLineFor(file: string): string {
  if (file.startsWith('/')) return `COPY ${file.split('/').pop() ?? file} ${file}`;
  return file.includes('/') ? `COPY ${file} ${file}` : `COPY ${file} .`;
}
