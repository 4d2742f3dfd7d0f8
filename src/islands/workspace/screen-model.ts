/**
 * A small terminal screen for the plain terminal that stands in while xterm loads: rows of cells
 * `cols` wide, wrapping as xterm wraps (the cursor waits at the margin until the next character),
 * with the moves and erases the simulator writes (cursor up/down/left/right/column, erase line and
 * below, clear screen). Colours and other sequences are read and dropped. Pure; a unit test holds
 * it to xterm itself on the simulator's output.
 */
// Not from the sandbox's index, which would bring the whole simulator into the terminal's first
// chunk (start-workspace.ts).
import { charWidth } from '../../core/sandbox/early-terminal.ts';

interface Row {
  /** one string per cell; '' for the right half of a wide character */
  cells: string[];
  /** continues the row above (the terminal wrapped it) */
  wrapped: boolean;
}

const CSI = /^\x1b\[([0-9;?]*)[ -/]*([@-~])/;
const OSC = /^\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/;

export class ScreenModel {
  private rows: Row[] = [{ cells: [], wrapped: false }];
  private row = 0;
  private col = 0;
  /** the cursor is past the margin, waiting for the next character to wrap */
  private pending = false;
  /** the first row of the screen since the last `ESC[H` (rows above it are scrollback) */
  private top = 0;

  constructor(readonly cols: number) {}

  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\x1b') {
        const csi = CSI.exec(text.slice(i, i + 32));
        if (csi) {
          this.control(csi[1]!, csi[2]!);
          i += csi[0].length;
          continue;
        }
        const osc = OSC.exec(text.slice(i));
        i += osc ? osc[0].length : 2;
        continue;
      }
      const char = String.fromCodePoint(text.codePointAt(i)!);
      i += char.length;
      if (c === '\r') this.moveTo(this.row, 0);
      else if (c === '\n') this.moveTo(this.row + 1, this.col);
      else if (c === '\b') this.moveTo(this.row, Math.max(0, this.col - 1));
      else if (c === '\t')
        this.moveTo(this.row, Math.min(this.cols - 1, (Math.floor(this.col / 8) + 1) * 8));
      else if (charWidth(char) > 0 || char.charCodeAt(0) >= 32) this.print(char);
    }
  }

  /** the rows as shown, each at most `cols` wide */
  lines(): string[] {
    return this.rows.map((r) => r.cells.join('').trimEnd());
  }

  /** the text with the rows the terminal wrapped joined: what a person reads as lines */
  text(): string {
    const out: string[] = [];
    for (const r of this.rows) {
      const text = r.cells.map((c) => c || '').join('');
      if (r.wrapped && out.length) out[out.length - 1] += text;
      else out.push(text);
    }
    return out
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  }

  cursor(): { row: number; col: number } {
    return { row: this.row, col: this.col };
  }

  private print(char: string): void {
    const width = Math.max(1, charWidth(char));
    if (this.pending || this.col + width > this.cols) {
      if (this.col + width > this.cols && !this.pending) this.cell(this.col, '');
      this.moveTo(this.row + 1, 0);
      this.rows[this.row]!.wrapped = true;
    }
    this.cell(this.col, char);
    if (width === 2) this.cell(this.col + 1, '');
    this.col += width;
    if (this.col >= this.cols) {
      this.col = this.cols - 1;
      this.pending = true;
    }
  }

  private cell(col: number, value: string): void {
    const cells = this.rows[this.row]!.cells;
    while (cells.length < col) cells.push(' ');
    cells[col] = value;
  }

  private moveTo(row: number, col: number): void {
    this.pending = false;
    this.row = Math.max(0, row);
    this.col = Math.max(0, Math.min(this.cols - 1, col));
    while (this.rows.length <= this.row) this.rows.push({ cells: [], wrapped: false });
  }

  private control(params: string, final: string): void {
    const n = Number.parseInt(params.replace(/^\?/, ''), 10);
    const count = Number.isNaN(n) || n < 1 ? 1 : n;
    const mode = Number.isNaN(n) ? 0 : n;
    const row = this.rows[this.row]!;
    const cells = row.cells;
    // As in xterm, erasing a row from its first column (or whole) ends the wrap into it.
    if ((final === 'K' || final === 'J') && (mode === 2 || (mode === 0 && this.col === 0)))
      row.wrapped = false;
    switch (final) {
      case 'A':
        return this.moveTo(Math.max(this.top, this.row - count), this.col);
      case 'B':
        return this.moveTo(this.row + count, this.col);
      case 'C':
        return this.moveTo(this.row, this.col + count);
      case 'D':
        return this.moveTo(this.row, this.col - count);
      case 'G':
        return this.moveTo(this.row, count - 1);
      case 'H':
        // Only "home" is written, before a clear: a new screen starts below what was shown.
        this.top = this.rows.at(-1)!.cells.length ? this.rows.length : this.rows.length - 1;
        return this.moveTo(this.top, 0);
      case 'K':
        if (mode === 0) cells.length = Math.min(cells.length, this.col);
        else if (mode === 1) for (let i = 0; i <= this.col && i < cells.length; i++) cells[i] = ' ';
        else cells.length = 0;
        return;
      case 'J':
        if (mode === 0) {
          cells.length = Math.min(cells.length, this.col);
          this.rows.length = this.row + 1;
        } else if (mode === 2) {
          this.rows.length = this.top;
          this.moveTo(this.top, 0);
        } else if (mode === 3) {
          this.rows = this.rows.slice(this.top);
          this.row -= this.top;
          this.top = 0;
        }
        return;
    }
  }
}
