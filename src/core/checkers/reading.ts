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

/** Each command the terminal ran, as the lines a paste of it holds: the prompt line, then its output. */
export function transcriptBlocks(
  events: readonly SandboxEvent[],
): { command: string; lines: string[] }[] {
  return events.flatMap((e) =>
    e.type === 'command'
      ? [
          {
            command: e.command,
            lines: [
              `$ ${e.command}`,
              ...(e.output === '' ? [] : e.output.replace(/\n$/, '').split('\n')),
            ],
          },
        ]
      : [],
  );
}

export function transcriptText(events: readonly SandboxEvent[]): string {
  return transcriptBlocks(events)
    .flatMap((b) => b.lines)
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

/**
 * "This looks like …" for an unrecognized verdict, in the words of where the text came from: a
 * paste, or what the in-browser terminal printed (nothing was pasted there).
 */
export function whatWasSeen(reading: Reading, source: 'paste' | 'sandbox' = 'paste'): string {
  const kinds = [...new Set(reading.parsed.map((p) => p.part.kind))].filter((k) => k !== 'unknown');
  const terminal = source === 'sandbox';
  if (kinds.length > 0) {
    const seen = kinds.map((k) => SEEN[k]).join(' and ');
    return terminal ? `The terminal shows ${seen}.` : `This looks like ${seen}.`;
  }
  if (reading.lines.join('').trim() === '')
    return terminal ? 'Nothing has run in the terminal yet.' : 'The paste is empty.';
  return terminal
    ? 'Nothing the terminal printed is Docker output Layerwise reads.'
    : `This is ${SEEN.unknown}.`;
}
