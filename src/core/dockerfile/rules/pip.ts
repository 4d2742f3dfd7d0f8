/** `pip install` in RUN: the download cache left in the layer, and packages named outside requirements.txt. */
import type { Finding } from '../../docker/index.ts';
import { finding } from '../finding.ts';
import type { Step } from '../model.ts';
import { findPipInstalls, type PipInstall } from '../pip-install.ts';
import { listWords, quote } from '../wording.ts';
import type { Rule } from './context.ts';

export const pipRule: Rule = ({ model }) =>
  model.stages
    .flatMap((stage) => stage.steps)
    .flatMap((step) => {
      const installs = findPipInstalls(step);
      return [
        ...cacheLeftInLayer(step, installs),
        ...installs.flatMap((install) => inlinePackages(step, install)),
      ];
    });

/**
 * pip keeps downloaded wheels in ~/.cache/pip; inside a RUN that cache is written into the layer.
 * `--no-cache-dir` only makes the layer smaller: it has nothing to do with Docker's build cache
 * (docker-semantics.md §6, FastAPI docs; hadolint DL3042). A cache mount keeps it out of the layer too.
 */
function cacheLeftInLayer(step: Step, installs: readonly PipInstall[]): Finding[] {
  const cached = installs.some((i) => i.tool === 'pip' && !i.noCacheDir);
  if (
    !cached ||
    'PIP_NO_CACHE_DIR' in step.env ||
    (step.flags['mount'] ?? '').includes('type=cache')
  )
    return [];
  return [
    finding(
      'pip-no-cache-dir',
      step.line,
      `${quote(step.instruction)} leaves pip's download cache (~/.cache/pip) in this layer, so the image is bigger than it needs to be. It does not speed up later builds: Docker's build cache reuses whole layers and never looks at pip's cache.`,
      `Add --no-cache-dir: ${step.instruction.replace(/(\bpip[\d.]*\s+install)\b/, '$1 --no-cache-dir')}`,
    ),
  ];
}

function inlinePackages(step: Step, install: PipInstall): Finding[] {
  if (install.packages.length === 0) return [];
  const named = listWords(install.packages);
  const besides =
    install.requirementFiles.length > 0
      ? ` besides ${install.requirementFiles.join(', ')}`
      : ' instead of reading requirements.txt';
  const file = install.requirementFiles[0] ?? 'requirements.txt';
  return [
    finding(
      'pip-inline-packages',
      step.line,
      `${quote(step.instruction)} installs ${named} named on the command line${besides}. The versions in the image and on your machine can then drift apart, and your dependency list lives in two places.`,
      `List ${named} in requirements.txt (with the versions you tested, e.g. from pip freeze) and install from it: RUN pip install --no-cache-dir -r ${file}`,
    ),
  ];
}
