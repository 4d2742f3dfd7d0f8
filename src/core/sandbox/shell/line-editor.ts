/**
 * Line editing for raw keystrokes as xterm sends them, with readline's keys: ←/→ (Ctrl+B/F),
 * Ctrl+←/→ and Alt+B/F by word, Home/End (Ctrl+A/E), Backspace/Delete, Ctrl+U/K/W and Ctrl+Y to
 * put the last kill back, history with ↑/↓ (Ctrl+P/N), Ctrl+R reverse search (Ctrl+G or Escape
 * leaves it). It returns what happened and what to show (`view`); the terminal draws it
 * (redraw.ts) and decides what to run.
 */
import type { LineView } from './redraw.ts';
import { ReverseSearch } from './reverse-search.ts';

export type EditorAction =
  | { kind: 'edit' }
  | { kind: 'enter'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'clear-screen' }
  | { kind: 'complete' }
  | { kind: 'eof' };

const EDIT: EditorAction = { kind: 'edit' };
/** the escape sequences the editor acts on (Escape alone ends a search) */
const KNOWN_ESCAPES = new Set([
  '\x1b',
  '\x1b[A',
  '\x1b[B',
  '\x1b[C',
  '\x1b[D',
  '\x1b[H',
  '\x1b[F',
  '\x1bOH',
  '\x1bOF',
  '\x1b[1~',
  '\x1b[3~',
  '\x1b[4~',
  '\x1bb',
  '\x1bf',
  '\x1b[1;5C',
  '\x1b[1;5D',
  '\x1b[1;3C',
  '\x1b[1;3D',
  '\x1b\x1b[C',
  '\x1b\x1b[D',
]);
const WORD_LEFT = new Set(['\x1b[1;5D', '\x1b[1;3D', '\x1bb', '\x1b\x1b[D']);
const WORD_RIGHT = new Set(['\x1b[1;5C', '\x1b[1;3C', '\x1bf', '\x1b\x1b[C']);

/** Text to insert, not a key that does something (control characters, escape sequences, DEL). */
const printable = (key: string) => !/^[\x00-\x1f\x7f]/.test(key);

export class LineEditor {
  buffer = '';
  cursor = 0;
  private historyIndex: number | null = null;
  private draft = '';
  private killed = '';
  private search: ReverseSearch | null = null;

  constructor(private readonly history: () => string[]) {}

  /**
   * Splits raw input into keys: escape sequences stay whole (CSI with any parameters and
   * intermediates, SS3, and the string sequences OSC, DCS, APC, PM, SOS up to their terminator),
   * pasted text is many plain keys. A terminal's answers to queries (`ESC[?1;2c`, `ESC[24;80R`,
   * `ESC]10;rgb:…`, `ESC P1$r0m ESC\\`) arrive as such sequences, and no key means them.
   */
  static keys(data: string): string[] {
    const out: string[] = [];
    const re =
      /\x1b?\x1b\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\x1b[\]PX^_][\s\S]*?(?:\x07|\x1b\\|$)|\x1bO[\s\S]|\x1b[\s\S]?|\r\n|[\s\S]/gu;
    for (const m of data.matchAll(re)) out.push(m[0]);
    return out;
  }

  /** A key the editor gives a meaning to (as opposed to a terminal's reply, or a key it ignores). */
  static isKey(key: string): boolean {
    return !key.startsWith('\x1b') || KNOWN_ESCAPES.has(key);
  }

  /** What to draw: the prompt (or the search's own), the line and the cursor in it. */
  view(prompt: string): LineView {
    if (!this.search) return { prompt, text: this.buffer, cursor: this.cursor };
    const { text, cursor } = this.search.line();
    return { prompt: this.search.prompt(), text, cursor };
  }

  get searching(): boolean {
    return this.search !== null;
  }

  key(key: string): EditorAction {
    if (!LineEditor.isKey(key)) return EDIT;
    if (this.search) {
      const handled = this.searchKey(this.search, key);
      if (handled) return handled;
    }
    switch (key) {
      case '\r':
      case '\n':
      case '\r\n': {
        const line = this.buffer;
        this.reset();
        return { kind: 'enter', line };
      }
      case '\x03':
        return { kind: 'interrupt' };
      case '\x0c':
        return { kind: 'clear-screen' };
      case '\t':
        return { kind: 'complete' };
      case '\x12':
        this.search = new ReverseSearch(this.history(), this.buffer, this.cursor);
        return EDIT;
      case '\x04':
        if (this.buffer === '') return { kind: 'eof' };
        this.deleteForward();
        return EDIT;
      case '\x7f':
      case '\b':
        if (this.cursor > 0) this.splice(this.cursor - 1, this.cursor, '');
        return EDIT;
      case '\x1b[3~':
        this.deleteForward();
        return EDIT;
      case '\x1b[D':
      case '\x02':
        this.cursor = Math.max(0, this.cursor - 1);
        return EDIT;
      case '\x1b[C':
      case '\x06':
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        return EDIT;
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        this.cursor = 0;
        return EDIT;
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        this.cursor = this.buffer.length;
        return EDIT;
      case '\x15':
        this.kill(0, this.cursor);
        return EDIT;
      case '\x0b':
        this.kill(this.cursor, this.buffer.length);
        return EDIT;
      case '\x17':
        this.kill(this.buffer.slice(0, this.cursor).replace(/\S+\s*$/, '').length, this.cursor);
        return EDIT;
      case '\x19':
        this.insert(this.killed);
        return EDIT;
      case '\x1b[A':
      case '\x10':
        this.browse(-1);
        return EDIT;
      case '\x1b[B':
      case '\x0e':
        this.browse(1);
        return EDIT;
      default:
        if (WORD_LEFT.has(key))
          this.cursor = this.buffer.slice(0, this.cursor).replace(/\w+\W*$/, '').length;
        else if (WORD_RIGHT.has(key))
          this.cursor =
            this.buffer.length - this.buffer.slice(this.cursor).replace(/^\W*\w+/, '').length;
        else if (!key.startsWith('\x1b') && !(key.length === 1 && key.charCodeAt(0) < 32))
          this.insert(key);
        return EDIT;
    }
  }

  insert(text: string): void {
    this.splice(this.cursor, this.cursor, text);
  }

  /** Keys while searching; null: the search ends with its match in the line, and the key acts on it. */
  private searchKey(search: ReverseSearch, key: string): EditorAction | null {
    if (printable(key)) search.type(key);
    else if (key === '\x12') search.older();
    else if (key === '\x7f' || key === '\b') search.backspace();
    else if (key === '\x07' || key === '\x03') {
      // Ctrl+G gives the line back as it was; Ctrl+C abandons it, as everywhere else.
      this.buffer = search.original;
      this.cursor = search.originalCursor;
      this.search = null;
      return key === '\x03' ? { kind: 'interrupt' } : EDIT;
    } else {
      const { text, cursor } = search.line();
      this.buffer = text;
      this.cursor = cursor;
      this.search = null;
      this.historyIndex = null;
      // Escape only ends the search; other keys (Enter, arrows, Ctrl+A…) then act on the line.
      return key === '\x1b' ? EDIT : null;
    }
    return EDIT;
  }

  private kill(from: number, to: number): void {
    if (to > from) this.killed = this.buffer.slice(from, to);
    this.splice(from, to, '');
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

  /** A new, empty line (after Enter or Ctrl+C). */
  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = null;
    this.search = null;
  }
}
