/**
 * One terminal: the prompt, the line editor, and the shell behind them. It takes raw keystrokes
 * and emits what a terminal shows (CRLF line ends, ANSI colour). The input line is redrawn in
 * place however many rows it wraps over (redraw.ts). Unfinished input (an open quote or
 * here-document) continues on a `> ` line. While a command runs, keys are echoed and queued as a
 * terminal in cooked mode does, and read by the next prompt; Ctrl+C interrupts the command and
 * drops them.
 */
import { messageOf, tildify } from '../../text/index.ts';
import { LineEditor } from './line-editor.ts';
import { bashPrompt } from './prompt.ts';
import { complete, columns } from './complete.ts';
import { parseCommandLine } from './parse.ts';
import { below, FRESH, redraw, reflowed, type Drawn, type LineView } from './redraw.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io, Job } from '../commands/types.ts';

/**
 * A program other than a shell that reads lines at the terminal (Python's prompt): the terminal
 * edits each line, continues an input on `ps2` lines while the program asks for more, and gives
 * the program each whole input.
 */
export interface LineProgram {
  /** its own history (Up and Down), not the shell's */
  readonly history: string[];
  readonly ps2: string;
  /** what Ctrl+C at the prompt prints below the line */
  readonly interrupted: string;
  /** how many characters Backspace takes back, given the input's lines so far and the line before the cursor */
  backspace?(lines: readonly string[], before: string): number;
  /**
   * An input, its lines so far: `more` when it needs another line (what that line starts with:
   * Python's indentation); else it ran, printing with `out`, and `exited` is the program's exit
   * code once that input ended it. `clear`: it asked for a clear screen.
   */
  submit(
    text: string,
    out: (text: string) => void,
  ): Promise<{ more: string } | { exited: number | null; clear?: boolean }>;
}

/**
 * A shell inside a command (`docker exec -it web bash`), or a program that reads lines (Python's
 * prompt): it takes the terminal until it exits.
 */
export type NestedShell = NestedBase &
  (
    | { interpreter: Interpreter; program?: undefined }
    | { program: LineProgram; interpreter?: undefined }
  );

interface NestedBase {
  prompt(): string;
  /** resolves with an exit code when the shell is ended from outside (its container stopped) */
  ended?: Promise<number>;
  /**
   * A container's own shell (`docker run -it`, `attach`, `start -ai`): Ctrl+P Ctrl+Q at its prompt
   * detaches, leaving it running; the terminal is given back with 'detached'.
   */
  detachable?: boolean;
  /** sees everything the terminal shows while this shell has it (a -t container's log) */
  tee?(text: string): void;
}

type Nested = NestedShell & {
  /** the outer command's state, given back when the nested shell exits */
  outer: { interrupt(): void } | null;
  done(code: number | 'detached'): void;
  /** Ctrl+P was typed: held until the next key says whether it detaches */
  heldCtrlP?: boolean;
  /** ended from outside while a command ran: left when that command returns */
  endedWith?: number;
};

/** Set by the `exit` builtin (shell's `ShellState.exited`), read without depending on it. */
const exitedWith = (interpreter: Interpreter): number | null | undefined =>
  (interpreter.shell as { exited?: number | null }).exited;

export interface TerminalDeps {
  interpreter: Interpreter;
  emit(text: string): void;
  /** called after every command with its plain record */
  record(command: string, output: string, exitCode: number, cwd: string): void;
  cols(): number;
  /**
   * The login shell exited (`exit`): given, the terminal closes (a second tab closes with it);
   * not given, a new shell starts at once (the first tab always has one).
   */
  onExit?(code: number): void;
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
/** Ctrl+L, and Python's `clear`: the cursor home, the screen erased (the scrollback kept) */
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export class Terminal {
  private readonly editor: LineEditor;
  private pending: string[] = [];
  private busy: { interrupt(): void } | null = null;
  private nested: Nested | null = null;
  /** keys typed while a command runs, for the next prompt */
  private typeahead: string[] = [];
  /** where the input line's last drawing left the cursor; null before a prompt is drawn */
  private drawn: Drawn | null = null;
  private drawnCols: number;
  /** what the last drawing showed */
  private shown: LineView | null = null;
  /** whether the last byte written ended a row: a prompt is drawn at the start of one */
  private atRowStart = true;
  /** the shell exited or the tab was closed: no more prompts, keys are ignored */
  private closed = false;

  constructor(private readonly d: TerminalDeps) {
    this.editor = new LineEditor(
      () => this.nested?.program?.history ?? this.interpreter().shell.history,
    );
    this.drawnCols = d.cols();
  }

  private out(text: string): void {
    if (!text) return;
    this.atRowStart = /(\r|\n|\x1b\[2J|\x1b\[3J)$/.test(text);
    this.nested?.tee?.(text);
    this.d.emit(text);
  }

  /** the shell the terminal talks to: the login shell, or a nested one while it runs */
  private interpreter(): Interpreter {
    return this.nested?.interpreter ?? this.d.interpreter;
  }

  prompt(): string {
    if (this.pending.length) return this.nested?.program?.ps2 ?? '> ';
    if (this.nested) return this.nested.prompt();
    return bashPrompt(this.d.interpreter.shell);
  }

  start(): void {
    if (!this.closed) this.draw(FRESH);
  }

  write(data: string): void {
    if (this.closed) return;
    for (const key of LineEditor.keys(data)) this.key(key);
  }

  /** The tab is closed: a command running in the foreground is interrupted, as a hang-up would. */
  close(): void {
    this.closed = true;
    this.typeahead = [];
    this.busy?.interrupt();
  }

  /** Output that arrives while the prompt is shown (a background job's log): above the line, which is drawn again. */
  later(text: string): void {
    if (this.busy || !this.drawn) return this.out(crlf(text));
    this.out(redraw(this.drawn, { prompt: '', text: '', cursor: 0 }, this.cols()).out);
    this.drawn = null;
    this.out(crlf(text.endsWith('\n') ? text : `${text}\n`));
    this.draw(FRESH);
  }

  private cols(): number {
    const cols = this.d.cols();
    if (cols !== this.drawnCols && this.drawn) {
      // The terminal rewrapped the line it shows (xterm reflows on resize): the cursor moved with it.
      this.drawn = reflowed(this.shown ?? this.view(), cols);
    }
    this.drawnCols = cols;
    return cols;
  }

  private view(): LineView {
    return this.editor.view(this.prompt());
  }

  private draw(from: Drawn | typeof FRESH): void {
    const view = this.view();
    const { out, drawn } = redraw(from, view, this.cols());
    this.drawn = drawn;
    this.shown = view;
    this.out(out);
  }

  /**
   * Leaves the line on screen as `final` (the line as run, with the usual prompt even after a
   * search) followed by `suffix`, and moves to the row below it.
   */
  private leaveLine(final: LineView, suffix = ''): void {
    const cols = this.cols();
    const atEnd = { ...final, cursor: final.text.length };
    const shown = this.shown;
    const same =
      shown &&
      shown.prompt === atEnd.prompt &&
      shown.text === atEnd.text &&
      shown.cursor === atEnd.cursor;
    if (this.drawn && !same) {
      const { out, drawn } = redraw(this.drawn, atEnd, cols);
      this.out(out);
      this.drawn = drawn;
    }
    this.out(suffix ? `${suffix}\r\n` : below(this.drawn ?? { cursorRow: 0 }, atEnd, cols));
    this.drawn = null;
    this.shown = null;
  }

  private key(key: string): void {
    if (this.busy) return this.typeAhead(key);
    const nested = this.nested;
    if (nested?.detachable) {
      // The CLI's detach keys: Ctrl+P is held; Ctrl+Q after it detaches, any other key gets both.
      if (nested.heldCtrlP) {
        nested.heldCtrlP = false;
        if (key === '\x11') return this.detach();
        this.edit('\x10');
      } else if (key === '\x10') {
        nested.heldCtrlP = true;
        return;
      }
    }
    this.edit(key);
  }

  /** A key for the line editor. */
  private edit(key: string): void {
    const program = this.nested?.program;
    if (program?.backspace && (key === '\x7f' || key === '\b')) {
      // Python's prompt takes a whole level of indentation back at once.
      const before = this.editor.buffer.slice(0, this.editor.cursor);
      for (let n = program.backspace(this.pending, before); n > 1; n--) this.editor.key(key);
    }
    const action = this.editor.key(key);
    switch (action.kind) {
      case 'edit':
        this.draw(this.drawn);
        break;
      case 'interrupt':
        if (this.nested?.program) {
          this.leaveLine(this.view());
          this.out(crlf(this.nested.program.interrupted));
        } else this.leaveLine(this.view(), '^C');
        this.pending = [];
        this.editor.reset();
        this.draw(FRESH);
        break;
      case 'clear-screen':
        this.out(CLEAR_SCREEN);
        this.draw(FRESH);
        break;
      case 'eof':
        // Ctrl+D on an empty line ends a nested shell, as `exit` would.
        if (this.nested) {
          this.leaveLine(this.view());
          this.leave(this.nested.interpreter?.shell.lastExit ?? 0);
        }
        break;
      case 'complete':
        // Python's completion of names is not simulated: Tab leaves the line as it is.
        if (this.nested?.program) this.draw(this.drawn);
        else this.complete();
        break;
      case 'enter':
        this.leaveLine({ prompt: this.prompt(), text: action.line, cursor: action.line.length });
        void this.submit(action.line);
    }
  }

  /** A key while a command runs: echoed as the terminal driver echoes it, and kept for the prompt. */
  private typeAhead(key: string): void {
    // A terminal's answer to a query is not typing: it is neither echoed nor kept.
    if (!LineEditor.isKey(key)) return;
    if (key === '\x03') {
      // The command says `^C` itself (its output, as the transcript records it).
      this.typeahead = [];
      this.busy?.interrupt();
    } else if (key === '\x7f' || key === '\b') {
      const last = this.typeahead.at(-1);
      if (last !== undefined && last !== '\r' && !last.startsWith('\x1b') && last >= ' ') {
        this.typeahead.pop();
        this.out('\b \b');
      }
    } else {
      this.typeahead.push(key);
      this.out(
        key === '\r'
          ? '\r\n'
          : key.replace(/[\x00-\x1f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`),
      );
    }
  }

  private complete(): void {
    const interpreter = this.interpreter();
    const before = this.editor.buffer.slice(0, this.editor.cursor);
    const result = complete(
      before,
      [...interpreter.table.commands.keys()],
      interpreter.shell,
      interpreter.host,
    );
    if (result.insert) this.editor.insert(result.insert);
    if (result.candidates.length) {
      this.leaveLine(this.view());
      this.out(crlf(columns(result.candidates, this.cols())));
      this.draw(FRESH);
    } else this.draw(this.drawn);
  }

  private async submit(line: string): Promise<void> {
    const program = this.nested?.program;
    if (program) return this.submitTo(program, line);
    this.pending.push(line);
    const text = this.pending.join('\n');
    if (parseCommandLine(text).kind === 'incomplete') {
      this.draw(FRESH);
      return;
    }
    this.pending = [];
    if (text.trim()) await this.run(text);
    this.prompted();
  }

  /** The next prompt, after a command or an input ran, and the keys typed meanwhile. */
  private prompted(): void {
    // A nested shell that just exited gave the terminal back to the command that started it.
    if (this.busy || this.closed) return;
    // Output without a final newline (curl's body), or keys echoed while it ran, end the row first.
    if (!this.atRowStart) this.out('\r\n');
    this.draw(FRESH);
    const queued = this.typeahead.join('');
    this.typeahead = [];
    if (queued) this.write(queued);
  }

  /** A line for a program's prompt: the input goes on with another line, or the program runs it. */
  private async submitTo(program: LineProgram, line: string): Promise<void> {
    const text = [...this.pending, line].join('\n');
    this.busy = { interrupt() {} };
    const answer = await program.submit(text, (t) => this.out(crlf(t)));
    this.busy = null;
    if (this.closed) return;
    if ('more' in answer) {
      this.pending.push(line);
      this.editor.insert(answer.more);
      return this.prompted();
    }
    this.pending = [];
    if (line.trim() && !text.includes('\n')) program.history.push(text);
    if (answer.clear) this.out(CLEAR_SCREEN);
    if (answer.exited !== null) this.leave(answer.exited);
    this.prompted();
  }

  /** A nested shell takes the keyboard: its prompt, its commands, until it exits. */
  private enter(nested: NestedShell): Promise<number | 'detached'> {
    return new Promise<number | 'detached'>((done) => {
      const entered: Nested = { ...nested, outer: this.busy, done };
      this.nested = entered;
      this.busy = null;
      // Keys typed while the command started are the nested prompt's first input.
      this.prompted();
      void nested.ended?.then((code) => this.endNested(entered, code));
    });
  }

  /** The nested shell was ended from outside: a command it runs is interrupted, then it is left. */
  private endNested(nested: Nested, code: number): void {
    if (this.nested !== nested) return;
    if (this.busy) {
      nested.endedWith = code;
      this.busy.interrupt();
      return;
    }
    if (this.drawn) this.leaveLine(this.view());
    this.pending = [];
    this.editor.reset();
    this.leave(code);
  }

  /** Ctrl+P Ctrl+Q: the shell is left running at its prompt, the terminal goes back to the command. */
  private detach(): void {
    this.leaveLine(this.view());
    this.editor.reset();
    this.leave('detached');
  }

  private leave(code: number | 'detached'): void {
    const nested = this.nested;
    if (!nested) return;
    this.nested = null;
    this.drawn = null;
    this.shown = null;
    this.busy = nested.outer;
    nested.done(code);
  }

  /** Runs one command line attached to this terminal. */
  private async run(text: string): Promise<void> {
    const interpreter = this.interpreter();
    const shell = interpreter.shell;
    shell.history.push(text);
    const cwd = shell.cwd;
    let output = '';
    const show = (t: string) => {
      output += t;
      this.out(crlf(t));
    };
    let resolve = () => {};
    const interrupted = new Promise<void>((done) => (resolve = done));
    const presses = new Set<() => void>();
    const interrupt = () => {
      resolve();
      presses.forEach((listener) => listener());
    };
    this.busy = { interrupt };
    const io: Io = { stdin: null, out: show, err: show, tty: true, cols: this.cols() };
    const job: Job = {
      interactive: true,
      background: false,
      interrupted,
      onInterrupt: (listener) => {
        presses.add(listener);
        return () => void presses.delete(listener);
      },
      later: (t) => this.later(t),
    };
    Object.assign(job, { enterShell: (nested: NestedShell) => this.enter(nested) });
    let code: number;
    try {
      code = await interpreter.run(text, io, job);
    } catch (error) {
      show(`layerwise: the sandbox failed on this command: ${messageOf(error)}\n`);
      code = 1;
    }
    this.busy = null;
    if (this.nested?.interpreter === interpreter) {
      const exited = this.nested.endedWith ?? exitedWith(interpreter);
      if (exited !== null && exited !== undefined) this.leave(exited);
    }
    this.d.record(text, output, code, cwd);
    const loginExit = this.d.interpreter.shell.exited;
    if (loginExit != null && this.d.onExit) {
      this.closed = true;
      this.d.onExit(loginExit);
    } else if (loginExit != null) {
      // The first terminal: a new shell starts at once, as a terminal app that reopens its shell.
      this.d.interpreter.respawn();
      const where = tildify(this.d.interpreter.shell.cwd, this.d.interpreter.shell.home);
      this.d.emit(`\x1b[2m[the shell exited; a new one started in ${where}]\x1b[0m\r\n`);
    }
  }
}
