/**
 * A real terminal model for tests: @xterm/headless (xterm.js without a renderer) receives what
 * the sandbox's terminal emits, at a given width, and the test reads the screen as a learner sees
 * it: rows, the cursor's cell, and logical lines (rows the terminal wrapped, joined).
 */
import xterm from '@xterm/headless';
import { createSandbox, type Sandbox } from '../../../src/core/sandbox/index.ts';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { workspaceFiles } from '../../scenarios/load.ts';

export const PROMPT = 'learner@layerwise:~/demo$ ';

export class Screen {
  readonly term: InstanceType<typeof xterm.Terminal>;
  private writing: Promise<void> = Promise.resolve();

  constructor(cols: number, rows = 24) {
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  }

  write(text: string): void {
    this.writing = this.writing.then(
      () => new Promise<void>((done) => this.term.write(text, done)),
    );
  }

  /** resolves once everything written so far has been parsed */
  settled(): Promise<void> {
    return this.writing;
  }

  /** every row of the buffer, scrollback included, as shown (trailing blanks trimmed) */
  rows(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++)
      out.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return out;
  }

  /** rows the terminal wrapped, joined: what a person reads as one line each */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      // A wrapped row is read whole: a space at its right margin is part of the line. The blank
      // cell a wide character leaves when it does not fit at the margin is not.
      let text = line?.translateToString(false) ?? '';
      const next = buffer.getLine(i + 1);
      const lastCell = line?.getCell(this.term.cols - 1);
      const gap = lastCell?.getChars() === '' && lastCell.getWidth() === 1;
      if (next?.isWrapped && gap && next.getCell(0)?.getWidth() === 2) text = text.slice(0, -1);
      if (line?.isWrapped && out.length) out[out.length - 1] += text;
      else out.push(text);
    }
    const trimmed = out.map((l) => l.trimEnd());
    while (trimmed.length && trimmed.at(-1) === '') trimmed.pop();
    return trimmed;
  }

  /** the cursor's cell: row counted in the whole buffer (scrollback included), column */
  cursor(): { row: number; col: number } {
    const buffer = this.term.buffer.active;
    return { row: buffer.baseY + buffer.cursorY, col: buffer.cursorX };
  }

  /** the buffer row a logical line starts on */
  rowOfLine(index: number): number {
    const buffer = this.term.buffer.active;
    let logical = -1;
    for (let i = 0; i < buffer.length; i++) {
      if (!buffer.getLine(i)?.isWrapped) logical++;
      if (logical === index) return i;
    }
    return -1;
  }
}

/** A sandbox on the course's project whose terminal draws on a real xterm `cols` wide. */
export function sandboxOnScreen(cols: number): { sandbox: Sandbox; screen: Screen } {
  const sandbox = createSandbox({ files: workspaceFiles(), clock: manualClock(), cols });
  const screen = new Screen(cols);
  sandbox.onOutput((text) => screen.write(text));
  return { sandbox, screen };
}
