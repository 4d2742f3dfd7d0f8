/** What COPY and ADD take from the build context: everything (`COPY . .`) without a .dockerignore, and ADD where COPY will do. */
import type { Finding } from '../../docker/index.ts';
import { isWholeContext, readCopies, type CopyStep } from '../copies.ts';
import { isIgnored, readDockerignore } from '../dockerignore.ts';
import { finding } from '../finding.ts';
import { listWords, quote } from '../wording.ts';
import type { Rule, RuleContext } from './context.ts';

export const buildContextRule: Rule = (context) => {
  const copies = readCopies(context.model.stages.flatMap((s) => s.steps)).filter(
    (c) => c.from === null && !c.heredoc,
  );
  return [...wholeContext(copies, context), ...copies.flatMap(addWhereCopyWillDo)];
};

const IGNORE_HINT =
  'Add a .dockerignore next to the Dockerfile with at least these lines: .venv, __pycache__, .git, Dockerfile, .dockerignore. Or copy only what the app needs, e.g. COPY ./app ./app';

/**
 * [LOCAL] docker-semantics.md §1.5: with `COPY . .`, editing the Dockerfile (even a comment)
 * invalidated the COPY, since the Dockerfile is part of the context; files matched by
 * .dockerignore never reach the builder, so changing them left the step CACHED.
 */
function wholeContext(copies: readonly CopyStep[], { dockerignore }: RuleContext): Finding[] {
  const copy = copies.find((c) => c.sources.some(isWholeContext));
  if (!copy) return [];
  const { line, instruction } = copy.step;
  const consequence =
    'A change to any of them, even a comment in the Dockerfile, invalidates this step and every step after it.';
  if (dockerignore === undefined) {
    return [
      finding(
        'dockerignore-unknown',
        line,
        `${quote(instruction)} copies everything in the build folder. Unless a .dockerignore leaves them out, that includes a local .venv, .git, __pycache__ and the Dockerfile itself. ${consequence}`,
        IGNORE_HINT,
      ),
    ];
  }
  if (dockerignore === null) {
    return [
      finding(
        'dockerignore-missing',
        line,
        `${quote(instruction)} copies everything in the build folder, and there is no .dockerignore: a local .venv (large, and built for your machine rather than the container), .git, __pycache__ and the Dockerfile itself all go into the image. ${consequence}`,
        IGNORE_HINT,
      ),
    ];
  }
  const patterns = readDockerignore(dockerignore);
  const missing = ['.venv', 'Dockerfile'].filter((p) => !isIgnored(patterns, p));
  if (missing.length === 0) return [];
  return [
    finding(
      'dockerignore-incomplete',
      line,
      `Your .dockerignore does not leave out ${listWords(missing)}, so ${quote(instruction)} still copies ${missing.length > 1 ? 'them' : 'it'} into the image. A change to ${missing.length > 1 ? 'any of them' : 'it'}${missing.includes('Dockerfile') ? ', even a comment in the Dockerfile,' : ''} invalidates this step and every step after it.`,
      `Add ${missing.length > 1 ? 'these lines' : 'this line'} to .dockerignore: ${missing.join(', ')}`,
    ),
  ];
}

const REMOTE_OR_ARCHIVE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)|\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst))$/i;

/**
 * https://docs.docker.com/build/building/best-practices/#add-or-copy (hadolint DL3020): files and
 * folders that need no tar extraction should be copied with COPY; ADD also fetches URLs and unpacks
 * local tar archives.
 */
function addWhereCopyWillDo(copy: CopyStep): Finding[] {
  if (copy.instruction !== 'ADD' || copy.sources.some((s) => REMOTE_OR_ARCHIVE.test(s))) return [];
  return [
    finding(
      'add-instead-of-copy',
      copy.step.line,
      `${quote(copy.step.instruction)} only copies local files, which is what COPY does. ADD can also download URLs and unpack .tar archives, so a reader cannot tell at a glance what it will do; COPY says exactly that.`,
      `Use COPY: ${copy.step.instruction.replace(/^(\s*)add\b/i, '$1COPY')}`,
    ),
  ];
}
