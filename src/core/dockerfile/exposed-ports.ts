/** The TCP ports a stage's EXPOSE lines document. */
import type { Step } from './model.ts';

export interface ExposedPorts {
  ports: number[];
  /** an EXPOSE argument could not be read (an unset variable, a typo): the list may be incomplete */
  unknown: boolean;
  /** the first EXPOSE line, null when there is none */
  line: number | null;
}

/** Ranges longer than this are not listed port by port. */
const MAX_RANGE = 100;

export function exposedPorts(steps: readonly Step[]): ExposedPorts {
  const result: ExposedPorts = { ports: [], unknown: false, line: null };
  for (const step of steps) {
    if (step.keyword !== 'EXPOSE') continue;
    result.line ??= step.line;
    for (const arg of step.args) {
      const match = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i.exec(arg);
      if (!match) {
        result.unknown = true;
        continue;
      }
      if ((match[3] ?? 'tcp').toLowerCase() !== 'tcp') continue;
      const first = Number(match[1]);
      const last = Number(match[2] ?? match[1]);
      if (last - first > MAX_RANGE) result.unknown = true;
      for (let p = first; p <= Math.min(last, first + MAX_RANGE); p++) if (!result.ports.includes(p)) result.ports.push(p);
    }
  }
  return result;
}
