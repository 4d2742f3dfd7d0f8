/**
 * Drawing an input line that may wrap over several rows, as readline does: go back to the row the
 * prompt starts on, erase from there down, write the prompt and the line, then put the cursor on
 * its row and column. Pure: it returns the bytes to write and where the cursor is afterwards, so
 * the next redraw knows how far up to go. Only relative moves are used, so it holds wherever the
 * prompt sits on the screen and however the screen has scrolled.
 */
import { charWidth, textWidth } from './text-width.ts';

/** Where the last drawing left the terminal's cursor, counted from the prompt's first row. */
export interface Drawn {
  cursorRow: number;
}

/** The cursor is at the start of a row, below anything drawn before: a new prompt starts there. */
export const FRESH = null;

export interface LineView {
  prompt: string;
  text: string;
  /** index into `text` */
  cursor: number;
}

/** Row and column of the cell after `width` columns of text, on a terminal `cols` wide. */
function place(width: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(width / cols), col: width % cols };
}

const CONTROL = /[\x00-\x1f\x7f]/g;

/** A control character in the line (a recalled here-document's newline) shows as ^J, as readline shows it. */
const caret = (char: string) => `^${String.fromCharCode((char.charCodeAt(0) + 64) % 128)}`;
const cells = (char: string) => (/^[\x00-\x1f\x7f]$/.test(char) ? 2 : charWidth(char));

/** Columns up to `index`, counting a wide character that would not fit as starting the next row. */
function widthTo(prompt: string, text: string, index: number, cols: number): number {
  let width = textWidth(prompt);
  for (const char of text.slice(0, index)) {
    const w = cells(char);
    // A wide character that does not fit at the row's end is put on the next row by the terminal.
    if (w === 2 && width % cols === cols - 1) width += 1;
    width += w;
  }
  return width;
}

/** Moves the cursor `rows` up (negative: down), then to `col`. */
function move(rows: number, col: number): string {
  const vertical = rows > 0 ? `\x1b[${rows}A` : rows < 0 ? `\x1b[${-rows}B` : '';
  return `${vertical}\r${col > 0 ? `\x1b[${col}C` : ''}`;
}

/** The bytes that redraw `view` over what `before` left, and the cursor's place afterwards. */
export function redraw(
  before: Drawn | typeof FRESH,
  view: LineView,
  cols: number,
): { out: string; drawn: Drawn } {
  const end = widthTo(view.prompt, view.text, view.text.length, cols);
  // Back to where the prompt starts, and erase the old line there and in the rows below it.
  const erase = before ? `${move(before.cursorRow, 0)}\x1b[K\x1b[J` : '\x1b[K';
  let out = `${erase}${view.prompt}${view.text.replace(CONTROL, caret)}`;
  let at = place(end, cols);
  if (end > 0 && at.col === 0) {
    // The text ends exactly at the right margin: the terminal holds the cursor there until the
    // next character. A space and a carriage return move it to the next row, as readline does.
    out += ' \r';
  }
  const target = place(widthTo(view.prompt, view.text, view.cursor, cols), cols);
  out +=
    at.row === target.row && at.col === target.col ? '' : move(at.row - target.row, target.col);
  at = target;
  return { out, drawn: { cursorRow: at.row } };
}

/** Where the cursor is after the terminal reflowed the line to `cols` (xterm rewraps on resize). */
export function reflowed(view: LineView, cols: number): Drawn {
  return { cursorRow: place(widthTo(view.prompt, view.text, view.cursor, cols), cols).row };
}

/** Moves from the cursor to the start of the row under the line, for output that follows it. */
export function below(drawn: Drawn, view: LineView, cols: number): string {
  const end = place(widthTo(view.prompt, view.text, view.text.length, cols), cols);
  const down = end.row - drawn.cursorRow;
  const to = down > 0 ? `\x1b[${down}B` : '';
  // A line that filled its last row exactly already has the cursor on the next row (see redraw),
  // a row the terminal marks as the line's continuation; erasing it from its start unmarks it, so
  // the output is a line of its own (to read, to copy, to reflow), not the end of the command.
  return end.col === 0 && end.row > 0 ? `${to}\r\x1b[K` : `${to}\r\n`;
}
