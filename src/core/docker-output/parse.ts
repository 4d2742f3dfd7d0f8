/** `parse(text)`: every command's output found in a paste, in input order. Never throws. */
import { splitBlocks, type Block } from './blocks.ts';
import { parseBuild } from './build.ts';
import { parseComposeProgress } from './compose-progress.ts';
import { parseContainerLog } from './container-log.ts';
import { parseCurl } from './curl.ts';
import { parseEngine } from './engine.ts';
import { parseHistory } from './history.ts';
import { parseImages } from './images.ts';
import { plainLines, type ScreenLine, screenLines } from '../text/index.ts';
import { noMarks, type Parsed } from './parsed.ts';
import { parsePs } from './ps.ts';
import { parseRunError } from './run-error.ts';
import type { Part } from './types.ts';

/** One block's part, by the kind its lines showed (or its typed command said). */
export function parseBlock(b: Block): Parsed | null {
  const tool = b.command?.tool ?? null;
  switch (b.kind) {
    case 'build':
      return parseBuild(b.lines, tool);
    case 'images':
      return parseImages(b.lines, tool);
    case 'ps':
      return parsePs(b.lines, tool);
    case 'history':
      return parseHistory(b.lines, tool);
    case 'curl':
      return parseCurl(b.lines);
    case 'run-error':
      return parseRunError(b.lines, tool) ?? parseComposeProgress(b.lines);
    case 'container-log':
      return parseContainerLog(b.lines, tool) ?? parseRunError(b.lines, tool);
    case 'run':
      return parseRunError(b.lines, tool) ?? parseContainerLog(b.lines, tool);
    case 'engine':
      return parseEngine(b.lines, tool) ?? parseRunError(b.lines, tool);
  }
}

/** The parts with where their details are in the input, for the diagnosis. */
export function parseDetailed(text: string): Parsed[] {
  const raw = typeof text === 'string' ? text : '';
  // A terminal shows nothing for NUL (a tty container's log may start with one).
  const input = zshMarks(raw.includes('\0') ? raw.replaceAll('\0', '') : raw);
  // The terminal model is bounded, but a bug in it must not cost the whole answer either.
  const lines = safely(() => screenLines(input)) ?? plainLines(input);
  const parsed: Parsed[] = [];
  for (const block of splitBlocks(lines)) {
    const p = safely(() => parseBlock(block));
    if (p) parsed.push(withRedraws(p, block.lines));
  }
  if (!parsed.length) return [unknownPart(lines)];
  // podman-docker's `docker` says so once per command; everything in the paste came from Podman.
  if (/^Emulate Docker CLI using podman/m.test(input))
    for (const { part } of parsed) {
      if (part.tool === 'docker') part.tool = 'podman';
      // Buildah never prints BuildKit's format: a tail read with no step lines is Podman's.
      if (part.kind === 'build' && part.tool === 'podman') part.format = 'podman';
    }
  return parsed;
}

export function parse(text: string): Part[] {
  return parseDetailed(text).map((p) => p.part);
}

/**
 * A tty build redraws its rows many times: its part starts where its first frame did. Cursor
 * moves can also leave a screen row written later than the rows below it; the range stays ordered.
 */
function withRedraws(p: Parsed, lines: ScreenLine[]): Parsed {
  const [a, b] = p.part.lines;
  const first = Math.min(a, b);
  const last = Math.max(a, b);
  let start = first;
  for (const l of lines) if (l.n >= first && l.n <= last && l.from < start) start = l.from;
  p.part.lines = [start, last];
  return p;
}

function unknownPart(lines: ScreenLine[]): Parsed {
  const filled = lines.filter((l) => l.text.trim());
  const first = filled[0]?.n ?? 1;
  const last = filled[filled.length - 1]?.n ?? first;
  return {
    part: { kind: 'unknown', tool: null, format: null, lines: [first, Math.max(first, last)] },
    marks: noMarks(),
  };
}

const SGR = String.raw`(?:\x1b\[[0-9;]*m)*`;
const ZSH_MARK_AT_START = new RegExp(String.raw`(^|[\n\r])${SGR}%${SGR} {20,}\r \r`, 'g');
const ZSH_MARK = new RegExp(String.raw`${SGR}%${SGR} {20,}\r \r`, 'g');

/**
 * zsh's PROMPT_SP: before each prompt it prints a % mark and spaces up to the terminal's last
 * column, then `\r \r`. After output with no final newline the spaces wrap, leaving the % after
 * the output and the prompt on a new row; at the start of a row the mark is overwritten. The
 * terminal model has no width, so the raw bytes are read as what the terminal shows.
 */
function zshMarks(input: string): string {
  if (!input.includes('\r \r')) return input;
  // A cursor move, not a newline: the input's line numbers stay those the learner sees.
  return input.replace(ZSH_MARK_AT_START, '$1').replace(ZSH_MARK, '%\x1b[1B\r');
}

/** A parser bug must cost one part, not the whole answer. */
function safely<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
