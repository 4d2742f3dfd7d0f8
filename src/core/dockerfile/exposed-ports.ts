/**
 * EXPOSE as the builder reads it: one reader for the Dockerfile analysis (the TCP ports a stage
 * documents) and the sandbox's builder (the image's Config.ExposedPorts).
 *
 * [LOCAL] Engine 20.10.24 (its BuildKit's Dockerfile frontend), `ARG P=9000`, `ENV Q="7000 7001/udp"`,
 * `EXPOSE 8000-8002 8010/UDP 8020/tcp $P $Q 127.0.0.1:5000:5000 6000:6001` gave ExposedPorts
 * 5000/tcp 6001/tcp 7000/tcp 7001/udp 8000/tcp 8001/tcp 8002/tcp 8010/udp 8020/tcp 9000/tcp: a range
 * port by port, the protocol lower-cased, a variable's value split at spaces, and of a `-p`-style
 * mapping only the container port (go-connections' nat.ParsePortSpecs). `EXPOSE "8000"` gave 8000/tcp
 * and `EXPOSE $UNSET` nothing; `abc`, `70000`, `8002-8000`, `8000-` (`Invalid containerPort: …`) and
 * `8000/xyz` (`Invalid proto: xyz`) stopped the build.
 */
import type { Step } from './model.ts';
import { type PortProtocol, readPortSpec } from '../docker/index.ts';

export interface PortRange {
  first: number;
  last: number;
  protocol: PortProtocol;
}

/** EXPOSE's arguments, variables already expanded, as words: a value holding spaces split, quotes around a word removed. */
export function exposeWords(args: readonly string[]): string[] {
  return args
    .flatMap((a) => a.split(/\s+/))
    .filter((w) => w !== '')
    .map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
}

/** One EXPOSE word: the container ports it documents, or the builder's reason for stopping the build. */
export function readExposeWord(word: string): PortRange | { error: string } {
  const spec = readPortSpec(word);
  return 'error' in spec ? spec : { ...spec.container, protocol: spec.protocol };
}

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
    for (const word of exposeWords(step.args)) {
      const range = readExposeWord(word);
      if ('error' in range) {
        result.unknown = true;
        continue;
      }
      if (range.protocol !== 'tcp') continue;
      if (range.last - range.first > MAX_RANGE) result.unknown = true;
      for (let p = range.first; p <= Math.min(range.last, range.first + MAX_RANGE); p++)
        if (!result.ports.includes(p)) result.ports.push(p);
    }
  }
  return result;
}
