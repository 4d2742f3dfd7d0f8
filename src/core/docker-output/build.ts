/**
 * `docker build` output in every shape: BuildKit plain (Docker 20.10's `#N sha256:` lines, buildx
 * `#0 building with`), BuildKit tty (`=> CACHED [2/5] ...`), the legacy builder (`Step 3/6 :`) and
 * Buildah/Podman (`STEP 1/5:`), single- or multi-stage, compose-prefixed.
 */
import { classify } from './build-error.ts';
import { parseLabel, StepTable } from './build-steps.ts';
import type { ScreenLine } from '../text/index.ts';
import { type Note, type Parsed, type PartOf } from './parsed.ts';
import { normaliseRef } from '../docker/index.ts';
import type { BuildError, Tool } from './types.ts';

type Format = 'buildkit-plain' | 'buildkit-tty' | 'legacy' | 'podman';

interface Failure {
  message: string;
  line: number;
  /** the vertex or step that failed, as named */
  step: string | null;
  /** the line is the failed step's own output (a tail that stops inside a RUN), not the builder's */
  output?: boolean;
}

class BuildState {
  steps = new StepTable();
  tags: string[] = [];
  /** the tags already named: a long paste may name many */
  private named = new Set<string>();
  notes: Note[] = [];
  votes: Record<Format, number> = { 'buildkit-plain': 0, 'buildkit-tty': 0, legacy: 0, podman: 0 };
  finished = false;
  vertexFailure: Failure | null = null;
  finalFailure: Failure | null = null;
  vertices = new Map<string, { name: string; step: ReturnType<StepTable['add']> | null }>();
  last = 0;
  lastClassicStep: ReturnType<StepTable['add']> | null = null;
  /** the step BuildKit's error block names (` > [4/5] RUN …:`): the failed one, in a pasted tail */
  errorBlock: { step: ReturnType<StepTable['add']> | null; name: string; line: number } | null =
    null;
  /** Compose drove the build: v1's "Building web", "Service 'web' failed to build"; v2's bake */
  compose = false;

  tag(ref: string, line: number): void {
    if (ref.startsWith('moby-dangling@')) return;
    const t = normaliseRef(ref);
    if (this.named.has(t)) return;
    this.named.add(t);
    this.tags.push(t);
    // The checkers point at the line that named the image.
    this.notes.push({ id: 'tagged', line, text: t });
  }
}

const TIMER = /\s+\d+\.\ds$/;
// `failed to solve with frontend dockerfile.v0: …`: BuildKit 0.8 (Docker 20.10), alone or after
// Compose's `failed to solve: rpc error: code = Unknown desc = `.
const FINAL =
  /^(?:ERROR|Error|error): (.+)$|^((?:(?:failed to build|buildx failed with): )?(?:(?:ERROR|error): )?(?:failed to solve(?: with frontend [\w.]+)?: |executor failed running \[).+)$/;
/** Docker 1.x's client printed a build's error through its logger: `INFO[0001] …`, `FATA[0000] …`. */
const LOGRUS = /^(?:\*\*)?(?:INFO|ERRO|FATA)\[\d{4}\] (.+?)(?:\*\*)?$/;
const LINT = /^ - (\w+): (.+?)(?: \(line (\d+)\))?$/;
// `docker build --check`: its closing count, and each warning's rule (its description follows).
const CHECK_DONE = /^Check complete, (?:(\d+) warnings? ha(?:s|ve) been found!|no warnings found)/;
const CHECK_WARNING = /^WARNING: (\w+) - https:\/\/docs\.docker\.com\/go\/dockerfile\/rule\//;

function vertexName(
  st: BuildState,
  name: string,
  line: number,
): ReturnType<StepTable['add']> | null {
  if (/^\[[\w.-]+ internal\]/.test(name)) st.steps.servicePrefix = true;
  // Compose 2.40 builds through bake (so does docker buildx bake, rarely typed by a learner).
  else if (name.startsWith('[internal] load local bake definitions')) st.compose = true;
  const l = parseLabel(name);
  return l ? st.steps.addLabelled(l.label, l.rest, line) : null;
}

function plainLine(st: BuildState, id: string, rest: string, line: number): void {
  st.votes['buildkit-plain']++;
  const v = st.vertices.get(id);
  if (!v) {
    st.vertices.set(id, { name: rest, step: vertexName(st, rest, line) });
    return;
  }
  if (rest === 'CACHED') {
    if (v.step) v.step.cached = true;
  } else if (rest.startsWith('ERROR: ') || rest === 'ERROR') {
    if (v.step) v.step.failed = true;
    st.vertexFailure ??= { message: rest.slice(7), line, step: v.name };
  } else if (rest.startsWith('naming to ')) {
    st.tag(rest.slice(10).replace(/ (?:\d+\.\ds )?done$/, ''), line);
    st.finished = true;
  } else if (/^(?:writing image|exporting manifest list|exporting config) /.test(rest)) {
    st.finished = true;
  } else if (rest.startsWith('WARN: ')) {
    st.notes.push({ id: 'build-warning', line, text: rest.slice(6) });
  }
}

function ttyLine(st: BuildState, body: string, line: number): void {
  st.votes['buildkit-tty']++;
  const text = body.replace(TIMER, '');
  if (text.startsWith('=> ')) {
    const sub = text.slice(3);
    if (sub.startsWith('naming to ')) st.tag(sub.slice(10), line);
    if (/^(?:naming to|writing image|exporting manifest list) /.test(sub)) st.finished = true;
    return;
  }
  const m = /^(?:(ERROR|CANCELED) )?(?:(CACHED) )?(.*)$/.exec(text)!;
  const step = vertexName(st, m[3]!, line);
  if (step && m[2]) step.cached = true;
  if (m[1] === 'ERROR') {
    if (step) step.failed = true;
    st.vertexFailure ??= { message: '', line, step: m[3]! };
  }
}

function commit(st: BuildState, text: string, line: number): void {
  const name = /^COMMIT (\S+)/.exec(text)?.[1];
  if (name) st.tag(name, line);
  st.finished = true;
}

const CLASSIC_STEP = /^(?:\[(\d+)\/\d+\] )?(STEP|Step) (\d+)(?:\/(\d+))?(?::| :) (.*)$/;

function classicLine(st: BuildState, text: string, line: number): boolean {
  const s = CLASSIC_STEP.exec(text);
  if (s && s[5]!.startsWith('COMMIT')) {
    // Buildah before 1.16 numbered its COMMIT as a step.
    commit(st, s[5]!, line);
    return true;
  }
  if (s) {
    const podman = s[2] === 'STEP';
    st.votes[podman ? 'podman' : 'legacy']++;
    const stage = s[1] ? `stage-${Number(s[1]) - 1}` : null;
    st.lastClassicStep = st.steps.add(stage, Number(s[3]), s[4] ? Number(s[4]) : null, s[5]!, line);
    return true;
  }
  const arrow = /^ ?-{2,3}> (.*)$/.exec(text);
  if (arrow) {
    st.votes[text.startsWith(' ---> ') ? 'legacy' : 'podman']++;
    if (arrow[1]!.startsWith('Using cache') && st.lastClassicStep) st.lastClassicStep.cached = true;
    return true;
  }
  let m: RegExpExecArray | null;
  if ((m = /^Successfully tagged (\S+)/.exec(text))) st.tag(m[1]!, line);
  else if (/^COMMIT\b/.test(text)) commit(st, text, line);
  else if (
    /^Successfully built [0-9a-f]+$/.test(text) ||
    (st.votes.podman > 0 && /^[0-9a-f]{64}$/.test(text))
  )
    st.finished = true;
  else if (text.startsWith('DEPRECATED: The legacy builder')) {
    st.notes.push({ id: 'legacy-builder', line });
    st.votes.legacy++;
  } else if (text.startsWith('Sending build context')) st.votes.legacy++;
  else return /^(?:Removing intermediate container|Running in )/.test(text);
  return true;
}

const LEGACY_FINAL =
  /^(?:(?:ERROR: )?Service '[\w.-]+' failed to build|COPY failed|ADD failed|The command '.*' returned a non-zero code)/;

/** The legacy builder and Buildah end a failed build with their error as the last line. */
const CLASSIC_ERROR =
  /error|failed|denied|not found|no such|non-zero|unable|cannot|invalid|unknown/i;

export function parseBuild(lines: ScreenLine[], tool: Tool): Parsed<PartOf<'build'>> | null {
  const st = new BuildState();
  let lastText = '';
  let lastLine = 0;
  let lintOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const { text, n } = lines[i]!;
    if (!text.trim()) continue;
    lastText = text;
    lastLine = n;
    const plain = text.startsWith('#') ? /^#(\d+) (.*)$/.exec(text) : null;
    let m: RegExpExecArray | null;
    if (plain) plainLine(st, plain[1]!, plain[2]!, n);
    // The error block repeats the failed step's name in full where the tty cut it.
    else if ((m = /^ ?> (\[.+\] .+):$/.exec(text)))
      st.errorBlock ??= { step: vertexName(st, m[1]!, n), name: m[1]!, line: n };
    else if ((m = /^\s*=> /.exec(text))) ttyLine(st, text.slice(m[0].length), n);
    else if (text.startsWith('[+] Building ')) st.votes['buildkit-tty']++;
    else if (/^ ?\d+ warnings? found/.test(text)) lintOpen = true;
    else if (lintOpen && (m = LINT.exec(text)))
      st.notes.push({ id: 'lint', line: n, text: `${m[1]}: ${m[2]}` });
    else if (classicLine(st, text, n)) {
      // handled
    } else {
      const f = FINAL.exec(text);
      const buildkit = st.votes['buildkit-plain'] + st.votes['buildkit-tty'] > 0;
      if (f && (buildkit || f[2] || /^Error: |failed to solve/.test(text))) {
        st.finalFailure ??= { message: text, line: n, step: null };
        // Buildah's words for a failed step, whatever command started it
        if (/^Error: (?:error )?building at STEP/.test(text)) st.votes.podman++;
      } else if (LEGACY_FINAL.test(text)) {
        st.finalFailure ??= { message: text, line: n, step: null };
        // These wordings are the legacy builder's (and Compose v1's, which drives it).
        st.votes.legacy++;
        if (/Service '[\w.-]+' failed to build/.test(text)) st.compose = true;
      } else if ((m = LOGRUS.exec(text)) && st.votes.legacy > 0)
        st.finalFailure ??= { message: m[1]!, line: n, step: null };
      else if (/^unable to prepare context|^Error response from daemon/.test(text))
        st.finalFailure ??= { message: text, line: n, step: null };
      else if (/^Building [\w.-]+$|^--progress is a global compose flag/.test(text))
        st.compose = true;
      else if (/^What's next/i.test(text)) st.notes.push({ id: 'whats-next', line: n });
      else if ((m = CHECK_DONE.exec(text)))
        st.notes.push({ id: 'check-complete', line: n, text: m[1] ?? '0' });
      else if ((m = CHECK_WARNING.exec(text)))
        st.notes.push({
          id: 'lint',
          line: n,
          text: `${m[1]}: ${nextFilled(lines, i)}`,
        });
    }
    st.last = n;
  }
  const format = pickFormat(st);
  if (!format && !st.finalFailure) return null;
  if (
    !st.finalFailure &&
    (format === 'legacy' || format === 'podman') &&
    !st.finished &&
    st.lastClassicStep &&
    CLASSIC_ERROR.test(lastText) &&
    lastLine > st.lastClassicStep.line
  )
    st.finalFailure = { message: lastText, line: lastLine, step: null, output: true };
  // A tail without the step lines: the error block names the step that failed.
  if (!st.vertexFailure && st.finalFailure && st.errorBlock) {
    if (st.errorBlock.step) st.errorBlock.step.failed = true;
    st.vertexFailure = { message: '', line: st.errorBlock.line, step: st.errorBlock.name };
  }
  const failure = st.finalFailure ?? st.vertexFailure;
  const error = failure ? errorOf(st, failure, format) : null;
  const { steps, lines: stepLines } = st.steps.sorted();
  return {
    part: {
      kind: 'build',
      tool: toolOf(st, tool, format),
      format: format ?? 'buildkit-plain',
      lines: [lines[0]!.n, st.last],
      build: { success: error === null && st.finished, tags: st.tags, steps, error },
    },
    marks: {
      items: stepLines,
      ...(failure ? { error: failure.line } : {}),
      notes: st.vertexFailure?.step
        ? [
            ...st.notes,
            { id: 'failed-vertex', line: st.vertexFailure.line, text: st.vertexFailure.step },
          ]
        : st.notes,
    },
  };
}

/** The next line with text after line i, trimmed (a check warning's description). */
function nextFilled(lines: ScreenLine[], i: number): string {
  for (let j = i + 1; j < lines.length; j++)
    if (lines[j]!.text.trim()) return lines[j]!.text.trim();
  return '';
}

/** Only Buildah prints Podman's format, whatever the command was called (podman-docker's `docker`). */
function toolOf(st: BuildState, typed: Tool, format: Format | null): Tool {
  if (st.steps.servicePrefix || st.compose || typed === 'compose') return 'compose';
  if (format === 'podman') return 'podman';
  return typed ?? 'docker';
}

function pickFormat(st: BuildState): Format | null {
  const best = (Object.entries(st.votes) as [Format, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : null;
}

function errorOf(st: BuildState, failure: Failure, format: Format | null): BuildError {
  const failedVertex = st.vertexFailure?.step ?? null;
  const classic = format === 'legacy' || format === 'podman';
  const failedStep = failedVertex ?? (classic ? (st.lastClassicStep?.instruction ?? null) : null);
  // A tail that stops inside a RUN step's output: the command failed, whatever its words.
  const error =
    failure.output && /^RUN\b/.test(failedStep ?? '')
      ? { kind: 'run-failed' as const, message: failure.message, exitCode: null }
      : classify(failure.message || st.vertexFailure?.message || '', failedStep);
  // Steps that could not start fail no step; every other classic failure is the last step's.
  if (
    classic &&
    st.lastClassicStep &&
    error.kind !== 'dockerfile-missing' &&
    error.kind !== 'dockerfile-parse'
  )
    st.lastClassicStep.failed = true;
  return error;
}
