/** Paste parts → the shapes the judges read, each pointing at its input line. */
import type { BuildStep, Part } from '../docker-output/types.ts';
import type { BuildContext } from './judge/build.ts';
import type { ContainerSeen } from './judge/containers.ts';
import type { HttpSeen } from './judge/http.ts';
import type { ImageSeen } from './judge/images.ts';
import { errorIn, lineIn, type Reading } from './reading.ts';

type PartOf<K extends Part['kind']> = Extract<Part, { kind: K }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function buildContext(reading: Reading, part: PartOf<'build'>): BuildContext {
  const lineOf = (step: BuildStep) => {
    const label = new RegExp(`(?:^|[\\[\\s])${step.index}/${step.total ?? '\\d+'}(?:\\]|\\s*:|\\s)`);
    const stage = step.stage ? new RegExp(`\\[${escape(step.stage)}\\s+${step.index}/`) : null;
    return lineIn(reading, part, (l) => (stage ? stage.test(l) : label.test(l)));
  };
  const [first, last] = part.lines;
  const commandLines = reading.lines.slice(Math.max(0, first - 4), last);
  return {
    lineOf,
    failure: errorIn(reading, part),
    tagLine: lineIn(reading, part, (l) => /naming to |Successfully tagged |^COMMIT /.test(l)),
    noCache: commandLines.some((l) => /\bbuild\b.*\s--no-cache\b/.test(l)),
  };
}

export function containersSeen(reading: Reading, part: PartOf<'ps'>): ContainerSeen[] {
  return part.ps.containers.map((c) => ({
    name: c.names,
    image: c.image,
    running: c.running,
    status: c.status,
    exitCode: c.exitCode ?? null,
    ports: c.ports,
    line: lineIn(reading, part, (l) => l.includes(c.names) && l.includes(c.image)),
  }));
}

/** `docker ps -a` (or compose ps) lists stopped containers; plain `docker ps` does not. */
export function listsStopped(reading: Reading, part: PartOf<'ps'>): boolean {
  if (part.ps.containers.some((c) => !c.running)) return true;
  const before = reading.lines.slice(Math.max(0, part.lines[0] - 3), part.lines[0]);
  return before.some((l) => /\bps\b.*\s(?:-a|--all)\b|\bcompose\b.*\bps\b/.test(l));
}

export function httpSeen(reading: Reading, part: PartOf<'curl'>): HttpSeen {
  const c = part.curl;
  const url = reading.lines
    .slice(Math.max(0, part.lines[0] - 2), part.lines[1])
    .map((l) => /\bcurl\b.*?(https?:\/\/\S+|localhost:\d+\S*|127\.0\.0\.1:\d+\S*)/.exec(l)?.[1])
    .find(Boolean);
  const line = c.ok
    ? lineIn(reading, part, (l) => (c.status !== null ? /^HTTP\/\S+ \d{3}/.test(l.trim()) : c.body !== null && l.includes(c.body.trim().slice(0, 40))))
    : lineIn(reading, part, (l) => /curl: \(\d+\)/.test(l));
  return {
    ok: c.ok,
    exitCode: c.exitCode,
    status: c.status,
    body: c.body,
    error: c.error,
    url: url ? (url.startsWith('http') ? url : `http://${url}`) : null,
    line: line ?? part.lines[0],
  };
}

export function imagesSeen(reading: Reading, part: PartOf<'images'>): ImageSeen[] {
  return part.images.images.map((i) => ({
    ...i,
    line: lineIn(reading, part, (l) => l.includes(i.repository) && (l.includes(i.id.slice(0, 12)) || l.includes(i.tag))),
  }));
}
