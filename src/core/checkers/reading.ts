/**
 * Turns paste and sandbox evidence into one reading: the parsed parts, the diagnosis, and a way
 * to point at input lines. A sandbox transcript is read as the paste the learner would have made,
 * so the browser terminal and a real terminal get the same judgement.
 */
import { explain } from '../docker-output/index.ts';
import type { Finding, Part, PartKind } from '../docker-output/types.ts';
import type { SandboxEvent } from '../evidence.ts';
import { shownLines } from './shown-lines.ts';

export interface Reading {
  /** input lines as typed, for finding the commands around a part */
  lines: string[];
  /** what each input line showed on screen (tty redraws resolved), for matching step lines */
  shown: Map<number, string>;
  parts: Part[];
  findings: Finding[];
}

export function readText(text: string): Reading {
  const { parts, findings } = explain(text);
  return { lines: text.split(/\r\n|\n/), shown: shownLines(text), parts, findings };
}

export function transcriptText(events: readonly SandboxEvent[]): string {
  return events
    .flatMap((e) => (e.type === 'command' ? [`$ ${e.command}`, ...(e.output === '' ? [] : [e.output.replace(/\n$/, '')])] : []))
    .join('\n');
}

export function lastPart<K extends PartKind>(reading: Reading, kind: K): Extract<Part, { kind: K }> | undefined {
  const parts = reading.parts.filter((p): p is Extract<Part, { kind: K }> => p.kind === kind);
  return parts[parts.length - 1];
}

/** The 1-based input line inside the part that matches, for "the exact line that matters". */
export function lineIn(reading: Reading, part: Part, test: (line: string) => boolean): number | undefined {
  const [first, last] = part.lines;
  for (let n = first; n <= last; n++) if (test(reading.shown.get(n) ?? '')) return n;
  return undefined;
}

/** The first error the diagnosis found inside the part, so checkers and `explain` word a failure alike. */
export function errorIn(reading: Reading, part: Part): Finding | undefined {
  const [first, last] = part.lines;
  return reading.findings.find((f) => f.severity === 'error' && f.line !== undefined && f.line >= first && f.line <= last);
}

const SEEN: Record<PartKind, string> = {
  build: 'the output of docker build',
  images: 'the output of docker images',
  ps: 'the output of docker ps',
  history: 'the output of docker history',
  'run-error': 'an error from docker run',
  'container-log': 'a container’s log',
  curl: 'the output of curl',
  unknown: 'text Layerwise cannot read as Docker output',
};

/** "This looks like …" for an unrecognized verdict. */
export function whatWasSeen(reading: Reading): string {
  const kinds = [...new Set(reading.parts.map((p) => p.kind))].filter((k) => k !== 'unknown');
  if (kinds.length === 0) return reading.lines.join('').trim() === '' ? 'The paste is empty.' : `This is ${SEEN.unknown}.`;
  return `This looks like ${kinds.map((k) => SEEN[k]).join(' and ')}.`;
}
