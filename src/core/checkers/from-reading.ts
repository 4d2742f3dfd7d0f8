/** Paste parts → the shapes the judges read, each pointing at its input line (the parser's marks). */
import type { BuildStep, Parsed, PartOf } from '../docker-output/index.ts';
import type { BuildContext } from './judge/build.ts';
import type { ContainerSeen } from './judge/containers.ts';
import type { HttpSeen } from './judge/http.ts';
import type { ImageSeen } from './judge/images.ts';
import { errorIn, type Reading } from './reading.ts';
import { stripAnsi } from '../text/index.ts';

/** The typed command lines just before a part, and inside it (a paste may hold the prompt). */
function commandsAround(reading: Reading, p: Parsed, before = 3): string[] {
  const [first, last] = p.part.lines;
  return reading.lines.slice(Math.max(0, first - 1 - before), last);
}

/**
 * BuildKit's tty view fits each step to the terminal: a text too long is cut two spaces before the
 * time (` => CACHED [4/5] RUN pip install --no-cache-dir --upgrade -r /demo/requir  0.0s` at 80
 * columns, lab/build-app-edit-tty-80), where a text that fits is padded with more spaces.
 */
const CUT_AT_WIDTH = /^\s*=> .*\S {1,2}\d+(?:\.\d+)?s$/;

/** What a line showed once the terminal was done with it: colours dropped, the last redraw kept. */
const shownText = (line: string) =>
  stripAnsi(line).replace(/\r+$/, '').split('\r').at(-1)!.trimEnd();

export function buildContext(reading: Reading, p: Parsed<PartOf<'build'>>): BuildContext {
  const steps = p.part.build.steps;
  const lineOf = (step: BuildStep) => p.marks.items[steps.indexOf(step)];
  return {
    lineOf,
    cut: (step) => {
      const n = lineOf(step);
      return n !== undefined && CUT_AT_WIDTH.test(shownText(reading.lines[n - 1] ?? ''));
    },
    failure: errorIn(p),
    tagLine: p.marks.notes.find((n) => n.id === 'tagged')?.line,
    noCache: commandsAround(reading, p).some((l) => /\bbuild\b.*\s--no-cache\b/.test(l)),
  };
}

export function containersSeen(p: Parsed<PartOf<'ps'>>): ContainerSeen[] {
  return p.part.ps.containers.map((c, i) => ({
    name: c.names,
    image: c.image,
    running: c.running,
    status: c.status,
    exitCode: c.exitCode ?? null,
    ports: c.ports,
    line: p.marks.items[i],
  }));
}

/** `docker ps -a` (or compose ps) lists stopped containers; plain `docker ps` does not. */
export function listsStopped(reading: Reading, p: Parsed<PartOf<'ps'>>): boolean {
  return (
    p.part.ps.containers.some((c) => !c.running) ||
    commandsAround(reading, p).some((l) => /\bps\b.*\s(?:-a|--all)\b|\bcompose\b.*\bps\b/.test(l))
  );
}

export function httpSeen(reading: Reading, p: Parsed<PartOf<'curl'>>): HttpSeen {
  const c = p.part.curl;
  const url = commandsAround(reading, p, 2)
    .map((l) => /\bcurl\b.*?(https?:\/\/\S+|localhost:\d+\S*|127\.0\.0\.1:\d+\S*)/.exec(l)?.[1])
    .find(Boolean);
  return {
    ok: c.ok,
    exitCode: c.exitCode,
    status: c.status,
    body: c.body,
    error: c.error,
    url: url ? (url.startsWith('http') ? url : `http://${url}`) : null,
    line: p.marks.error ?? p.marks.items[0] ?? p.part.lines[0],
    bodyLine: p.marks.notes.find((n) => n.id === 'body')?.line,
  };
}

/** The last curl the paste shows below input line `line`, e.g. after a reload in a log. */
export function httpAfter(reading: Reading, line: number): HttpSeen | null {
  const after = reading.parsed.filter(
    (p): p is Parsed<PartOf<'curl'>> => p.part.kind === 'curl' && p.part.lines[0] > line,
  );
  const last = after[after.length - 1];
  return last ? httpSeen(reading, last) : null;
}

export function imagesSeen(p: Parsed<PartOf<'images'>>): ImageSeen[] {
  return p.part.images.images.map((i, n) => ({ ...i, line: p.marks.items[n] }));
}
