/**
 * What a terminal would show for some output: one pass from raw terminal bytes to the lines a
 * person would see, each keeping the 1-based
 * input line where its final text was written. A tiny terminal model resolves `\r` overwrites,
 * cursor moves (BuildKit's tty redraws with `ESC[nA`), erases, and drops colour codes and other
 * control sequences; a CI timestamp at the start of a line is removed.
 *
 * Hostile input cannot make it large or slow (security audit F2: `ESC[100000000B` made gigabytes):
 * the cursor stays within the input's line count plus a margin and a few thousand columns, and the
 * work done is bounded by a multiple of the input's length. Past that bound the text is read as
 * plain lines, as a terminal that gave up on the escapes would show it.
 */

export interface ScreenLine {
  /** what the line shows, without trailing spaces */
  text: string;
  /** 1-based line of the input where this text was last written */
  n: number;
  /** 1-based input line where this screen row was first written (earlier frames of a redraw) */
  from: number;
}

const CI_STAMP = /^\uFEFF?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?Z? (?:\d\d[OE]\+? )?/;
const SPECIAL = /[\n\r\x1b\x08\x00-\x07\x0b-\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;

/** Rows below the input's last line a cursor may reach (a tty redraw moves within its frame). */
const ROW_MARGIN = 200;
/** Columns a cursor move may reach; text itself may run longer. */
const MAX_COLUMN = 4096;

export function screenLines(input: string): ScreenLine[] {
  const raw = /[\r\x1b\x08]/.test(input) ? emulateOrPlain(input) : plainLines(input);
  for (const line of raw) {
    const c = line.text.charCodeAt(0);
    if (c !== 0xfeff && (c < 48 || c > 57)) continue;
    const stamped = CI_STAMP.exec(line.text);
    if (stamped) line.text = line.text.slice(stamped[0].length);
  }
  return raw;
}

function emulateOrPlain(input: string): ScreenLine[] {
  try {
    return emulate(input);
  } catch (error) {
    if (error instanceof TooMuchWork) return plainLines(input);
    throw error;
  }
}

/** The screen would cost more than the input justifies: read the text as plain lines instead. */
class TooMuchWork extends Error {}

/** Plain lines: split at newlines, control characters dropped, no terminal model. */
export function plainLines(input: string): ScreenLine[] {
  const parts = input.split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const controls = /[\x00-\x08\x0b-\x1f\x7f]/.test(input) ? /[\x00-\x08\x0b-\x1f\x7f]/g : null;
  return parts.map((t, i) => ({
    text: (controls ? t.replace(controls, '') : t).trimEnd(),
    n: i + 1,
    from: i + 1,
  }));
}

/**
 * The screen of a terminal as tall as the input (plus a margin): rows of text and where each was
 * written. `budget` is the characters it may still build; spent, it throws TooMuchWork.
 * Its rows are allocated once, at their most (the input's newlines plus the margin): grown a row
 * at a time, arrays of a few hundred thousand rows cost the garbage collector more with every MB
 * (the legacy builder's 10 MB log took 14x its 1 MB time).
 */
class Screen {
  readonly rows: string[];
  /** rows in use: the cursor has been on rows 0 … used-1 */
  used = 1;
  readonly at: Int32Array;
  readonly born: Int32Array;
  row = 0;
  col = 0;
  line = 1;

  constructor(
    private readonly maxRow: number,
    private budget: number,
  ) {
    this.rows = new Array<string>(maxRow + 1).fill('');
    this.at = new Int32Array(maxRow + 1).fill(1);
    this.born = new Int32Array(maxRow + 1).fill(1);
  }

  private spend(chars: number): void {
    this.budget -= chars;
    if (this.budget < 0) throw new TooMuchWork();
  }

  moveCol(col: number): void {
    this.col = Math.min(Math.max(0, col), MAX_COLUMN);
  }

  write(text: string): void {
    const old = this.rows[this.row]!;
    this.at[this.row] = this.line;
    // The common cases, without building three strings: a fresh line, or text appended.
    this.spend(text.length);
    if (this.col === 0 && old.length <= text.length) {
      this.rows[this.row] = text;
      this.col = text.length;
      return;
    }
    if (this.col === old.length) {
      this.rows[this.row] = old + text;
      this.col += text.length;
      return;
    }
    // Overwriting inside a row copies it: the cost a redraw storm would multiply.
    this.spend(Math.max(old.length, this.col));
    const padded = old.length < this.col ? old.padEnd(this.col) : old;
    this.rows[this.row] = padded.slice(0, this.col) + text + padded.slice(this.col + text.length);
    this.at[this.row] = this.line;
    this.col += text.length;
  }

  moveTo(row: number): void {
    this.row = Math.min(Math.max(0, row), this.maxRow);
    this.spend(Math.max(0, this.row - this.used + 1));
    for (; this.used <= this.row; this.used++) {
      this.at[this.used] = this.line;
      this.born[this.used] = this.line;
    }
  }

  erase(mode: number): void {
    const old = this.rows[this.row]!;
    this.spend(Math.max(old.length, this.col));
    this.rows[this.row] =
      mode === 2
        ? ''
        : mode === 1
          ? ' '.repeat(this.col) + old.slice(this.col)
          : old.slice(0, this.col);
  }
}

function emulate(input: string): ScreenLine[] {
  let newlines = 0;
  for (let at = input.indexOf('\n'); at !== -1; at = input.indexOf('\n', at + 1)) newlines++;
  const s = new Screen(newlines + ROW_MARGIN, 16 * input.length + (1 << 20));
  let i = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(input); m; m = SPECIAL.exec(input)) {
    if (m.index > i) s.write(input.slice(i, m.index));
    const c = m[0];
    i = m.index + 1;
    if (c === '\n') {
      s.line++;
      s.moveTo(s.row + 1);
      s.col = 0;
    } else if (c === '\r') {
      s.col = 0;
    } else if (c === '\b') {
      s.col = Math.max(0, s.col - 1);
    } else if (c === '\x1b') {
      i = escape(input, i, s);
    }
    SPECIAL.lastIndex = i;
  }
  if (i < input.length) s.write(input.slice(i));
  const out = new Array<ScreenLine>(s.used);
  for (let r = 0; r < s.used; r++)
    out[r] = { text: s.rows[r]!.trimEnd(), n: s.at[r]!, from: s.born[r]! };
  if (out.length > 1 && out[out.length - 1]!.text === '' && input.endsWith('\n')) out.pop();
  return out;
}

const CSI = /\[([0-9;?<=>]*)[ -/]*([@-~])/y;
const OSC = /\][^\x07\x1b]*(?:\x07|\x1b\\)?/y;

/** Applies the escape sequence starting after ESC at `i`; returns where the text resumes. */
function escape(input: string, i: number, s: Screen): number {
  CSI.lastIndex = i;
  const csi = CSI.exec(input);
  if (csi) {
    const n = Number.parseInt(csi[1]!.replace(/^\?/, ''), 10);
    const count = Number.isNaN(n) || n < 1 ? 1 : n;
    switch (csi[2]) {
      case 'A':
        s.moveTo(s.row - count);
        break;
      case 'B':
        s.moveTo(s.row + count);
        break;
      case 'E':
        s.moveTo(s.row + count);
        s.col = 0;
        break;
      case 'F':
        s.moveTo(s.row - count);
        s.col = 0;
        break;
      case 'C':
        s.moveCol(s.col + count);
        break;
      case 'D':
        s.moveCol(s.col - count);
        break;
      case 'G':
        s.moveCol(count - 1);
        break;
      case 'K':
        s.erase(Number.isNaN(n) ? 0 : n);
        break;
    }
    return CSI.lastIndex;
  }
  OSC.lastIndex = i;
  if (OSC.exec(input)) return OSC.lastIndex;
  // Two-character sequences (ESC 7, ESC (B ...): skip what follows ESC.
  return Math.min(input.length, i + (input[i] === '(' || input[i] === ')' ? 2 : 1));
}
