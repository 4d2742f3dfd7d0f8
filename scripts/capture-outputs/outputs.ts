/**
 * content/outputs/: the captured sessions the lessons show, and manifest.json, which says for each one
 * what ran, in which project state, on which versions and when. Public outputs (with a `source`) are
 * kept as they are; the capture script never rewrites them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepResult } from './lab.ts';
import { ROOT, type WorkspaceState } from './workspace.ts';

export const OUTPUTS = join(ROOT, 'content/outputs');
export const MANIFEST = join(OUTPUTS, 'manifest.json');

export interface LabVersions {
  dockerClient: string;
  dockerEngine: string;
  buildx: string;
  curl: string;
  /** the lab's stand-in python:3.13-slim: its ID and the Python, FastAPI and Uvicorn it holds */
  baseImage: string;
}

export interface CapturedOutput {
  scenario: string;
  lesson: string;
  /** the commands as the lesson shows them, in order */
  commands: string[];
  /** shown command -> what the lab ran instead, for the few non-Docker commands it cannot run as shown */
  ranAs?: Record<string, string>;
  workspace: WorkspaceState;
  /** the learner's edits before these commands, `path = workspace file` */
  edits?: string[];
  /** `tty`: a 100-column pseudo-terminal's final screen; `pipe`: a foreground server, read through a pipe so Ctrl+C could be sent */
  terminal: 'pipe' | 'tty';
  exitCodes: (number | null)[];
  /** the output did not end with a newline (curl's body); one was added so the next prompt starts a line */
  finalNewlineAdded?: boolean;
  capturedAt: string;
  versions: LabVersions;
}

export interface PublicOutput {
  lesson: string;
  /** where this real output was published */
  source: string;
  note: string;
}

export interface Manifest {
  about: string;
  outputs: Record<string, CapturedOutput | PublicOutput>;
}

export const isPublic = (o: CapturedOutput | PublicOutput): o is PublicOutput => 'source' in o;

export function readManifest(): Manifest {
  if (!existsSync(MANIFEST)) return { about: '', outputs: {} };
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

/** One terminal session: each command after a `$ ` prompt, then what it printed. */
export function sessionText(results: StepResult[]): { text: string; finalNewlineAdded: boolean } {
  let finalNewlineAdded = false;
  const text = results
    .map((r) => {
      if (r.output !== '' && !r.output.endsWith('\n')) finalNewlineAdded = true;
      return `$ ${r.shown}\n${r.output}${r.output === '' || r.output.endsWith('\n') ? '' : '\n'}`;
    })
    .join('');
  return { text, finalNewlineAdded };
}
