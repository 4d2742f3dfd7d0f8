/** COPY and ADD steps read once: their sources, destination and where the files come from. */
import type { Step } from './model.ts';
import { baseName, normalizePath, resolvePath } from '../text/index.ts';

export interface CopyStep {
  step: Step;
  instruction: 'COPY' | 'ADD';
  sources: string[];
  /** the destination as written, ARG/ENV expanded */
  dest: string;
  /** the destination made absolute against the step's working directory (/ when none was set) */
  target: string;
  /** `--from` stage or image; null for the build context */
  from: string | null;
  /** `COPY <<EOF`: the content is in the Dockerfile itself */
  heredoc: boolean;
}

export function readCopy(step: Step): CopyStep | null {
  if (step.keyword !== 'COPY' && step.keyword !== 'ADD') return null;
  const args = step.exec ?? step.args;
  const dest = args[args.length - 1];
  if (args.length < 2 || dest === undefined) return null;
  return {
    step,
    instruction: step.keyword,
    sources: args.slice(0, -1),
    dest,
    target: resolvePath(step.workdir ?? '/', dest),
    from: step.flags['from'] ?? null,
    heredoc: args.some((a) => a.startsWith('<<')),
  };
}

export function readCopies(steps: readonly Step[]): CopyStep[] {
  return steps.flatMap((s) => readCopy(s) ?? []);
}

/** `.`, `./`, `*`: the whole build context. */
export function isWholeContext(source: string): boolean {
  return normalizePath(source) === '.' || /^(?:\.\/)?\*$/.test(source);
}

const MANIFEST =
  /^(?:requirements.*\.(?:txt|in)|constraints.*\.txt|pyproject\.toml|setup\.(?:py|cfg)|poetry\.lock|uv\.lock|pdm\.lock|Pipfile(?:\.lock)?)$/;

/** A file that lists dependencies, as opposed to application code. */
export function isDependencyManifest(source: string): boolean {
  return MANIFEST.test(baseName(source)) || /^requirements\/?$/.test(normalizePath(source));
}
