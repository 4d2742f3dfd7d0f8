/**
 * content/outputs/: the captured sessions the lessons show, and manifest.json, which says for each one
 * what ran, in which project state, on which versions and when. Public outputs (with a `source`) are
 * kept as they are; the capture script never rewrites them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabMode, StepResult } from './lab.ts';
import { ROOT, type WorkspaceState } from './workspace.ts';

export const OUTPUTS = join(ROOT, 'content/outputs');
export const MANIFEST = join(OUTPUTS, 'manifest.json');

export interface LabVersions {
  dockerClient: string;
  dockerEngine: string;
  buildx: string;
  /** `docker compose version --short`; absent on an engine without the plugin (the 20.10 lab) */
  compose?: string;
  /** `classic` or `containerd` (Docker's image store) */
  imageStore?: string;
  curl: string;
  /** the lab's stand-in for the course's base image: its ID and the Python, FastAPI and Uvicorn it holds */
  baseImage: string;
}

/** The same session captured on another engine (lab.ts LabMode): no different, or in its own file. */
export type VariantRecord = { comparedWith: string; capturedAt: string } & (
  { same: true; versions: LabVersions } | { file: string }
);

export interface CapturedOutput {
  scenario: string;
  lesson: string;
  /** the commands as the lesson shows them, in order */
  commands: string[];
  /** shown command -> what the lab ran: a non-Docker command it cannot run as shown, or a command staged in a learner's situation (lab.ts SITUATIONS) */
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
  /** the engine it was captured on when not the reference lab (Engine 28.5, classic store) */
  lab?: Exclude<LabMode, 'classic'>;
  /** a reference capture: what the same session printed on the other engines */
  variants?: Partial<Record<Exclude<LabMode, 'classic'>, VariantRecord>>;
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

/**
 * A session's text without what differs on every run (IDs, digests, times, ages, client ports, PIDs,
 * HTTP dates, curl's timing and a dropped connection's wording), so two captures compare equal when
 * a learner would read the same output.
 */
export function stableText(text: string): string {
  return (
    text
      .replace(/\b[0-9a-f]{12,64}\b/g, '<id>')
      .replace(/\b\d+(?:\.\d+)?m?s\b/g, '<time>')
      .replace(/\b(?:\d+|About an?|Less than a) (?:second|minute|hour)s?(?: ago)?\b/g, '<age>')
      .replace(/(\d{1,3}(?:\.\d{1,3}){3}):\d{4,5}\b/g, '$1:<port>')
      // a process's ID (Uvicorn's `Started server process [8]`), which depends on what started first
      .replace(/\bprocess \[\d+\]/g, 'process [<pid>]')
      // curl's wait before a refused connection, and which way a connection Docker drops is reported
      // (the lab sees both from one container: lesson 9, "Connection reset")
      .replace(/\bafter \d+ ms\b/g, 'after <n> ms')
      .replace(
        /curl: \((?:52\) Empty reply from server|56\) Recv failure: Connection reset by peer)/g,
        'curl: (52|56) <dropped connection>',
      )
      // the server's clock in an HTTP answer (`curl -i`)
      .replace(/^date: \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT$/gm, 'date: <date>')
      .replace(/ +/g, ' ')
  );
}

/** A short fingerprint of a session's stable text: a variant record names the reference it was compared with. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (const c of stableText(text)) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
