/**
 * Line editing for raw keystrokes as xterm sends them: cursor keys, Home/End, Backspace/Delete,
 * Ctrl+A/E/U/K/W, history with ↑/↓. It returns what happened; the terminal decides what to run.
 * Redraws are "carriage return, prompt, line, clear to end, cursor back", robust on any width.
 */

export type EditorAction =
  | { kind: 'edit' }
  | { kind: 'enter'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'clear-screen' }
  | { kind: 'complete' }
  | { kind: 'eof' };

export class LineEditor {
  buffer = '';
  cursor = 0;
  private historyIndex: number | null = null;
  private draft = '';

  constructor(private readonly history: () => string[]) {}

  /** Splits raw input into keys: escape sequences stay whole, pasted text is many plain keys. */
  static keys(data: string): string[] {
    const out: string[] = [];
    const re = /\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|\x1b[\s\S]?|\r\n|[\s\S]/gu;
    for (const m of data.matchAll(re)) out.push(m[0]);
    return out;
  }

  key(key: string): EditorAction {
    switch (key) {
      case '\r':
      case '\n':
      case '\r\n': {
        const line = this.buffer;
        this.reset();
        return { kind: 'enter', line };
      }
      case '\x03':
        this.reset();
        return { kind: 'interrupt' };
      case '\x0c':
        return { kind: 'clear-screen' };
      case '\t':
        return { kind: 'complete' };
      case '\x04':
        if (this.buffer === '') return { kind: 'eof' };
        this.deleteForward();
        return { kind: 'edit' };
      case '\x7f':
      case '\b':
        if (this.cursor > 0) this.splice(this.cursor - 1, this.cursor, '');
        return { kind: 'edit' };
      case '\x1b[3~':
        this.deleteForward();
        return { kind: 'edit' };
      case '\x1b[D':
      case '\x02':
        this.cursor = Math.max(0, this.cursor - 1);
        return { kind: 'edit' };
      case '\x1b[C':
      case '\x06':
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        return { kind: 'edit' };
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        this.cursor = 0;
        return { kind: 'edit' };
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        this.cursor = this.buffer.length;
        return { kind: 'edit' };
      case '\x15':
        this.splice(0, this.cursor, '');
        return { kind: 'edit' };
      case '\x0b':
        this.splice(this.cursor, this.buffer.length, '');
        return { kind: 'edit' };
      case '\x17': {
        const before = this.buffer.slice(0, this.cursor).replace(/\S+\s*$/, '');
        this.splice(before.length, this.cursor, '');
        return { kind: 'edit' };
      }
      case '\x1b[A':
        this.browse(-1);
        return { kind: 'edit' };
      case '\x1b[B':
        this.browse(1);
        return { kind: 'edit' };
      default:
        if (key.startsWith('\x1b') || (key.length === 1 && key.charCodeAt(0) < 32))
          return { kind: 'edit' };
        this.insert(key);
        return { kind: 'edit' };
    }
  }

  insert(text: string): void {
    this.splice(this.cursor, this.cursor, text);
  }

  /** The escape sequence that shows `prompt` + the buffer with the cursor in place. */
  render(prompt: string): string {
    const back = this.buffer.length - this.cursor;
    return `\r${prompt}${this.buffer}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`;
  }

  private splice(from: number, to: number, text: string): void {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(to);
    this.cursor = from + text.length;
  }

  private deleteForward(): void {
    if (this.cursor < this.buffer.length) this.splice(this.cursor, this.cursor + 1, '');
  }

  private browse(step: number): void {
    const entries = this.history();
    if (entries.length === 0) return;
    if (this.historyIndex === null) {
      if (step > 0) return;
      this.draft = this.buffer;
      this.historyIndex = entries.length;
    }
    const next = this.historyIndex + step;
    if (next < 0) return;
    if (next >= entries.length) {
      this.historyIndex = null;
      this.buffer = this.draft;
    } else {
      this.historyIndex = next;
      this.buffer = entries[next]!;
    }
    this.cursor = this.buffer.length;
  }

  private reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = null;
  }
}
