/**
 * Turns paste and sandbox evidence into one reading: the parsed parts with the input line of each
 * step, container or image, and the diagnosis `layerwise explain` gives. A sandbox transcript is
 * read as the paste the learner would have made, so the browser terminal and a real terminal get
 * the same judgement.
 */
import {
  diagnose,
  type Parsed,
  parseDetailed,
  type PartKind,
  type PartOf,
} from '../docker-output/index.ts';
import type { Finding } from '../docker/index.ts';
import type { SandboxEvent } from '../evidence.ts';

export interface Reading {
  /** input lines as typed (split on \n only: a lone \r is a terminal redraw, not a new line) */
  lines: string[];
  parsed: Parsed[];
}

export function readText(text: string): Reading {
  return { lines: text.split('\n'), parsed: parseDetailed(text) };
}

export function transcriptText(events: readonly SandboxEvent[]): string {
  return events
    .flatMap((e) =>
      e.type === 'command'
        ? [`$ ${e.command}`, ...(e.output === '' ? [] : [e.output.replace(/\n$/, '')])]
        : [],
    )
    .join('\n');
}

export function lastPart<K extends PartKind>(
  reading: Reading,
  kind: K,
): Parsed<PartOf<K>> | undefined {
  const found = reading.parsed.filter((p): p is Parsed<PartOf<K>> => p.part.kind === kind);
  return found[found.length - 1];
}

/** The diagnosis' first error for this part, so a check words a failure exactly as `explain` does. */
export function errorIn(p: Parsed): Finding | undefined {
  try {
    return diagnose(p).find((f) => f.severity === 'error');
  } catch {
    return undefined;
  }
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
  const kinds = [...new Set(reading.parsed.map((p) => p.part.kind))].filter((k) => k !== 'unknown');
  if (kinds.length === 0)
    return reading.lines.join('').trim() === ''
      ? 'The paste is empty.'
      : `This is ${SEEN.unknown}.`;
  return `This looks like ${kinds.map((k) => SEEN[k]).join(' and ')}.`;
}
