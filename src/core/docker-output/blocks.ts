/**
 * Cuts a paste into blocks, one per command's output: at typed commands and prompts first, then
 * where a line shows that another kind of output starts (a table header, `docker: Error ...`,
 * `curl: (7) ...`). The typed command, when there is one, says what its output should be.
 */
import { commandOf, gluedPromptAt, isChrome, type Command } from './command-line.ts';
import { markerOf, type BlockKind, type Hit } from './markers.ts';
import type { ScreenLine } from '../text/index.ts';

export interface Block {
  /** what the lines look like; 'run' when only the typed command says (docker run's own output) */
  kind: BlockKind | 'run';
  /** it holds a line that only opens its kind's output (a header): a second one starts a new block */
  opened?: boolean;
  lines: ScreenLine[];
  command: Command | null;
}

/** A build is over once it printed one of these; until then a RUN step may print anything. */
const BUILD_END =
  /^(?:#\d+ naming to |\s*=> => naming to |Successfully (?:built|tagged) |COMMIT\b|(?:ERROR|Error|error): |failed to solve|unable to prepare context|The command '.*' returned a non-zero code|(?:COPY|ADD) failed)/;

/**
 * Lines are kept where they are (`lines`) and a segment between typed commands is a range of it:
 * copying each line into per-segment arrays grown one line at a time cost the garbage collector
 * more with every MB of a paste with no prompts (a 10 MB legacy build log).
 */
export function splitBlocks(lines: ScreenLine[]): Block[] {
  const blocks: Block[] = [];
  const hits = new Array<Hit | null>(lines.length).fill(null);
  let start = 0;
  let command: Command | null = null;
  const flush = (end: number, cut?: ScreenLine) => {
    for (const b of segmentBlocks({ lines, hits, start, end, cut }, command)) blocks.push(b);
    start = end + 1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Blank lines are most of some pastes (and of hostile ones): no marker, no command.
    if (line.text === '') continue;
    const hit = markerOf(line.text);
    const typed = hit ? null : commandOf(line.text);
    if (typed || (!hit && isChrome(line.text))) {
      flush(i);
      if (typed) command = typed;
      else if (!/^\s*(?:```|~~~)/.test(line.text)) command = null;
      continue;
    }
    // curl's body with no final newline, then the next prompt on the same line: cut between them.
    const glued = hit ? -1 : gluedPromptAt(line.text);
    if (glued > 0) {
      flush(i, { ...line, text: line.text.slice(0, glued) });
      command = commandOf(line.text.slice(glued));
      continue;
    }
    hits[i] = hit;
  }
  flush(lines.length);
  return blocks;
}

/** Lines start … end-1 of a paste, then `cut` (the output part of a line a prompt was glued to). */
interface Segment {
  lines: ScreenLine[];
  hits: (Hit | null)[];
  start: number;
  end: number;
  cut: ScreenLine | undefined;
}

function hintKind(command: Command | null): Block['kind'] | null {
  switch (command?.expect) {
    case 'build':
    case 'images':
    case 'ps':
    case 'history':
    case 'curl':
      return command.expect;
    case 'run':
      return 'run';
    case 'logs':
      return 'container-log';
    case 'engine':
      return 'engine';
    default:
      return null;
  }
}

function segmentBlocks(seg: Segment, command: Command | null): Block[] {
  const hint = hintKind(command);
  const blocks: Block[] = [];
  const pending: ScreenLine[] = [];
  // lines before the first marker that no typed command claims: a build's tail may claim them
  let unclaimed: ScreenLine[] = [];
  let cur: Block | null = null;
  let buildOver = false;
  const last = seg.cut ? seg.end : seg.end - 1;
  for (let i = seg.start; i <= last; i++) {
    const line = i === seg.end ? seg.cut! : seg.lines[i]!;
    const hit = i === seg.end ? null : seg.hits[i]!;
    if (hit && startsNew(cur, hit, buildOver) && ownOutputOf(hit, cur, hint)) {
      // A build's tail: the traceback or log above it is what the failed RUN printed.
      cur!.kind = 'build';
      // concat, not unshift(...): a spread of a long log's lines overflows the call stack
      cur!.lines = unclaimed.concat(cur!.lines);
      unclaimed = [];
    } else if (hit && startsNew(cur, hit, buildOver)) {
      if (cur) blocks.push(cur);
      unclaimed = [];
      cur = { kind: hit.kind, lines: [], command };
      buildOver = false;
      if (pending.length) {
        // Lines before the first marker belong to the typed command's output (or to a build's
        // tail: the failed step's output), or to no part.
        if ((hint && compatible(hint, hit.kind)) || (!hint && hit.tail)) cur.lines = [...pending];
        else if (hint) blocks.push({ kind: hint, lines: [...pending], command });
        else unclaimed = [...pending];
        pending.length = 0;
      }
    }
    if (cur) {
      cur.lines.push(line);
      if (hit?.opens && hit.kind === cur.kind) cur.opened = true;
      if (cur.kind === 'build' && BUILD_END.test(line.text)) buildOver = true;
    } else pending.push(line);
  }
  if (cur) blocks.push(cur);
  else if (pending.length && hint) blocks.push({ kind: hint, lines: pending, command });
  return blocks;
}

function startsNew(cur: Block | null, hit: Hit, buildOver: boolean): boolean {
  if (!cur) return true;
  const openBuild = cur.kind === 'build' && !buildOver;
  if (cur.kind === hit.kind) return hit.opens && cur.opened === true && !openBuild;
  // A RUN step may print anything; only a new table, curl meter or build header ends an unfinished build.
  return openBuild ? hit.opens : true;
}

/** A container's log with no typed command above it, then a build's closing line: one build. */
function ownOutputOf(hit: Hit, cur: Block | null, hint: Block['kind'] | null): boolean {
  return hit.tail === true && hint === null && cur?.kind === 'container-log';
}

function compatible(hint: Block['kind'], kind: BlockKind): boolean {
  return hint === kind || (hint === 'run' && (kind === 'run-error' || kind === 'container-log'));
}
