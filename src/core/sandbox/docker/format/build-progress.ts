/**
 * Renders a simulated build as BuildKit's progress printer does (docker-semantics §2.2–2.4):
 * `--progress=plain` line by line, or the final frame of the tty display as a finished
 * terminal shows it, then the failure block, the Dockerfile excerpt, the ERROR line and the
 * build-check warnings. Formats copied from real output in tests/fixtures/sandbox/real/.
 */
import type { BuildOutcome } from '../build/types.ts';

const seconds = (s: number) => s.toFixed(1);

/**
 * `compose`: the build as Docker Compose runs it (through bake, lab: Compose 2.40): no builder line
 * or name, and Compose's own failure lines (a blank line after each excerpt line, `failed to solve:`).
 */
export interface RenderOptions {
  compose?: boolean;
}

export function renderPlain(outcome: BuildOutcome, options: RenderOptions = {}): string {
  const out: string[] = options.compose
    ? []
    : ['#0 building with "default" instance using docker driver', ''];
  outcome.vertices.forEach((v, i) => {
    const n = i + 1;
    out.push(`#${n} ${v.name}`);
    for (const s of v.subs)
      out.push(`#${n} ${s.text}${s.seconds > 0.01 ? ` ${seconds(s.seconds)}s` : ''} done`);
    for (const l of v.logs) out.push(`#${n} ${timestamp(l.at)} ${l.text}`);
    if (v.status === 'cached') out.push(`#${n} CACHED`);
    else if (v.status === 'error') out.push(`#${n} ERROR: ${v.error}`);
    else if (v.status === 'canceled') out.push(`#${n} CANCELED`);
    else out.push(`#${n} DONE ${seconds(v.seconds)}s`);
    if (i < outcome.vertices.length - 1) out.push('');
  });
  return `${out.join('\n')}\n${trailer(outcome, 10, options)}`;
}

/** BuildKit progressui's `align`: `l` padded to `w - len(r) - 1`, a space, then `r`. */
const align = (l: string, r: string, w: number) => `${l.padEnd(w - r.length - 1)} ${r}`;

/**
 * The final frame at `cols` columns, as progressui's tty display draws it (display.go `print`):
 * every row one column short of the width, a step's name cut to fit before its time (a transfer
 * keeps its size after the cut name), rows dropped when fewer than 12 columns are left for the
 * name, and the header cut at the width, so a narrow terminal loses buildx's `docker:default`
 * (tests/fixtures/sandbox/real/build-app-edit-tty-35.raw).
 */
export function renderTty(
  outcome: BuildOutcome,
  cols: number,
  options: RenderOptions = {},
): string {
  const total = outcome.vertices.reduce((sum, v) => sum + v.seconds, 0);
  const head = `[+] Building ${seconds(total)}s (${outcome.vertices.length}/${outcome.vertices.length}) FINISHED`;
  const lines = [options.compose ? head : align(head, 'docker:default', cols - 1).slice(0, cols)];
  const row = (text: string, s: number, colour: string) => {
    // a transfer's size is progressui's status beside the ID (`transferring context:` `218B`)
    const [, name = text, status = ''] = /^(=> transferring \w+:) (\S+)$/.exec(text) ?? [];
    const timer = ` ${seconds(s)}s`;
    // the timer is printed with its newline, which progressui counts in the room it leaves
    let left = cols - ' => '.length - (timer.length + 1) - 1;
    const showStatus = status !== '' && left + status.length > 20;
    if (showStatus) left -= status.length + 1;
    if (left < 12) return;
    const out = ` => ${name.slice(0, left)}${showStatus ? ` ${status}` : ''}`;
    lines.push(`\x1b[${colour}m${align(out, timer, cols - 1)}\x1b[0m`);
  };
  for (const v of outcome.vertices) {
    const colour = v.status === 'error' ? '31' : '34';
    const prefix =
      v.status === 'error'
        ? 'ERROR '
        : v.status === 'canceled'
          ? 'CANCELED '
          : v.status === 'cached'
            ? 'CACHED '
            : '';
    row(`${prefix}${v.name}`, v.seconds, colour);
    for (const s of v.subs) row(`=> ${s.text}`, s.seconds, colour);
  }
  return `${lines.join('\n')}\n${trailer(outcome, Infinity, options)}`;
}

/** Go's `%.[2]*[1]f` with 3 decimals under 10s, 2 under 100s, else 1. */
function timestamp(at: number): string {
  return at.toFixed(at < 10 ? 3 : at < 100 ? 2 : 1);
}

/** After the progress: the failed step's log block, the Dockerfile excerpt, the ERROR line, warnings. */
function trailer(outcome: BuildOutcome, keepLogs: number, options: RenderOptions): string {
  const out: string[] = [];
  const failure = outcome.failure;
  if (failure?.vertex) {
    out.push('------', ` > ${failure.vertex.name}:`);
    for (const l of failure.vertex.logs.slice(-keepLogs)) out.push(`${timestamp(l.at)} ${l.text}`);
    out.push('------');
  }
  if (failure?.line) {
    const lines = excerpt(outcome.dockerfileName, outcome.dockerfileLines, failure.line);
    // Compose prints a blank line after each of the excerpt's lines.
    out.push(...(options.compose ? lines.flatMap((l) => [l, '']) : lines));
  }
  if (outcome.warnings.length) {
    const count =
      outcome.warnings.length === 1
        ? '1 warning found'
        : `${outcome.warnings.length} warnings found`;
    // buildx colours the count yellow whether or not stderr is a terminal (captured on 28.5).
    out.push(
      '',
      ` \x1b[33m${count} (use docker --debug to expand):`,
      ...outcome.warnings.map((w, i) => `${i === 0 ? '\x1b[0m' : ''} - ${w}`),
    );
  }
  if (failure && options.compose) out.push(`failed to solve: ${failure.message}`, '');
  else if (failure) out.push(`ERROR: failed to build: failed to solve: ${failure.message}`);
  return out.length ? `${out.join('\n')}\n` : '';
}

/** BuildKit's `Source.Print`: a padded window around the failing line, `>>>` marking it. */
export function excerpt(file: string, lines: string[], line: number): string[] {
  if (line < 1 || line > lines.length) return [];
  let start = line;
  let end = line;
  for (let p = 0; p < 4; p++) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
  }
  const out = [`${file}:${line}`, '--------------------'];
  for (let i = start; i <= end; i++)
    out.push(` ${String(i).padStart(3)} | ${i === line ? '>>>' : '   '} ${lines[i - 1]}`);
  out.push('--------------------');
  return out;
}
