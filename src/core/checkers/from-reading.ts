/** Paste parts → the shapes the judges read, each pointing at its input line (the parser's marks). */
import type { BuildInfo, BuildStep, Parsed, PartOf } from '../docker-output/index.ts';
import { type Finding, finalStage, stepLabel, stepName } from '../docker/index.ts';
import type { BuildOutcome, BuildSeen, StepsReported } from './judge/build-seen.ts';
import type { ContainerSeen } from './judge/containers.ts';
import type { HttpSeen } from './judge/http.ts';
import type { ImageSeen } from './judge/images.ts';
import { errorIn, type Reading } from './reading.ts';
import { stripAnsi } from '../text/index.ts';

/** What a line showed once the terminal was done with it: colours dropped, the last redraw kept. */
const shownText = (line: string) =>
  stripAnsi(line).replace(/\r+$/, '').split('\r').at(-1)!.trimEnd();

/** The typed command lines just before a part, and inside it (a paste may hold the prompt). */
function commandsAround(reading: Reading, p: Parsed, before = 3): string[] {
  const [first, last] = p.part.lines;
  return reading.lines.slice(Math.max(0, first - 1 - before), last).map(shownText);
}

/**
 * BuildKit's tty view fits each step to the terminal: a text too long is cut two spaces before the
 * time (` => CACHED [4/5] RUN pip install --no-cache-dir --upgrade -r /demo/requir  0.0s` at 80
 * columns, lab/build-app-edit-tty-80), where a text that fits is padded with more spaces.
 */
const CUT_AT_WIDTH = /^\s*=> .*\S {1,2}\d+(?:\.\d+)?s$/;

/** A build's output as the build judges read it (judge/build-seen.ts). */
export function buildSeen(reading: Reading, p: Parsed<PartOf<'build'>>): BuildSeen {
  const build = p.part.build;
  const lineOf = (step: BuildStep) => p.marks.items[build.steps.indexOf(step)];
  /** `[4/5] RUN pip install …`, with an ellipsis where the terminal cut the step's text. */
  const nameOf = (step: BuildStep) => {
    const n = lineOf(step);
    const cut = n !== undefined && CUT_AT_WIDTH.test(shownText(reading.lines[n - 1] ?? ''));
    return cut ? `${stepName(step)}…` : stepName(step);
  };
  const steps = finalStage(build.steps);
  return {
    from: 'output',
    outcome: outcomeOf(build, errorIn(p), lineOf, nameOf),
    tags: build.tags,
    tagLine: p.marks.notes.find((n) => n.id === 'tagged')?.line,
    steps: steps.map((s) => ({
      instruction: s.instruction,
      cached: s.cached,
      name: nameOf(s),
      label: stepLabel(s),
      line: lineOf(s),
    })),
    noCache: commandsAround(reading, p).some((l) => /\bbuild\b.*\s--no-cache\b/.test(l)),
    reported: reportedOf(build.steps, steps),
  };
}

function outcomeOf(
  build: BuildInfo,
  failure: Finding | undefined,
  lineOf: (step: BuildStep) => number | undefined,
  nameOf: (step: BuildStep) => string,
): BuildOutcome {
  if (build.success) return { ok: true, message: 'The build finished without an error.' };
  const failed = build.steps.find((s) => s.failed);
  const where = failed ? ` at step ${nameOf(failed)}` : '';
  const code = build.error?.exitCode != null ? ` (exit code ${build.error.exitCode})` : '';
  return {
    ok: false,
    message: failure?.message ?? `The build failed${where}${code}.`,
    line: failure?.line ?? (failed ? lineOf(failed) : undefined),
    hint:
      failure?.hint ??
      'Read the lines just above the error: they are the failed step’s own output.',
    because: 'the build failed',
  };
}

/** Which of the final stage's step numbers the output shows. */
function reportedOf(all: BuildStep[], steps: BuildStep[]): StepsReported {
  const total = steps[0]?.total ?? null;
  // BuildKit prints a FROM that two stages share once, under the first stage's label.
  const shared =
    steps[0]?.stage !== null && all.some((s) => s.stage !== steps[0]?.stage && s.index === 1);
  const missing =
    total === null
      ? []
      : Array.from({ length: total }, (_, i) => i + 1).filter(
          (n) => !(shared && n === 1) && !steps.some((s) => s.index === n),
        );
  return { shown: steps.length, cached: steps.filter((s) => s.cached).length, total, missing };
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
