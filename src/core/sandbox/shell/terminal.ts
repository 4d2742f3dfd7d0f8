/**
 * One terminal: the prompt, the line editor, and the shell behind them. It takes raw keystrokes
 * and emits what a terminal shows (CRLF line ends, ANSI colour). Unfinished input (an open quote
 * or here-document) continues on a `> ` line. While a command runs, Ctrl+C interrupts it and other
 * keys wait, as a real terminal's type-ahead does, to be read by the next prompt.
 */
import { messageOf, tildify } from '../../text/index.ts';
import { LineEditor } from './line-editor.ts';
import { complete } from './complete.ts';
import { parseCommandLine } from './parse.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io, Job } from '../commands/types.ts';

export interface TerminalDeps {
  interpreter: Interpreter;
  emit(text: string): void;
  /** called after every command with its plain record */
  record(command: string, output: string, exitCode: number, cwd: string): void;
  cols(): number;
}

export class Terminal {
  private readonly editor: LineEditor;
  private pending: string[] = [];
  private busy: { interrupt(): void } | null = null;
  private typeahead = '';

  constructor(private readonly d: TerminalDeps) {
    this.editor = new LineEditor(() => d.interpreter.shell.history);
  }

  prompt(): string {
    if (this.pending.length) return '> ';
    const shell = this.d.interpreter.shell;
    const venv = shell.venv ? `(${shell.venv.slice(shell.venv.lastIndexOf('/') + 1)}) ` : '';
    return `${venv}\x1b[1;32mlearner@layerwise\x1b[0m:\x1b[1;34m${tildify(shell.cwd, shell.home)}\x1b[0m$ `;
  }

  start(): void {
    this.d.emit(this.prompt());
  }

  write(data: string): void {
    for (const key of LineEditor.keys(data)) this.key(key);
  }

  private key(key: string): void {
    if (this.busy) {
      if (key === '\x03') {
        this.typeahead = '';
        this.busy.interrupt();
      } else this.typeahead += key;
      return;
    }
    const action = this.editor.key(key);
    switch (action.kind) {
      case 'edit':
        this.d.emit(this.editor.render(this.prompt()));
        break;
      case 'interrupt':
        this.pending = [];
        this.d.emit(`^C\r\n${this.prompt()}`);
        break;
      case 'clear-screen':
        this.d.emit(`\x1b[H\x1b[2J${this.editor.render(this.prompt())}`);
        break;
      case 'eof':
        break;
      case 'complete':
        this.complete();
        break;
      case 'enter':
        this.d.emit('\r\n');
        void this.submit(action.line);
    }
  }

  private complete(): void {
    const shell = this.d.interpreter.shell;
    const before = this.editor.buffer.slice(0, this.editor.cursor);
    const result = complete(
      before,
      [...this.d.interpreter.table.commands.keys()],
      shell,
      this.d.interpreter.host,
    );
    if (result.insert) this.editor.insert(result.insert);
    if (result.candidates.length) this.d.emit(`\r\n${result.candidates.join('  ')}\r\n`);
    this.d.emit(this.editor.render(this.prompt()));
  }

  private async submit(line: string): Promise<void> {
    this.pending.push(line);
    const text = this.pending.join('\n');
    if (parseCommandLine(text).kind === 'incomplete') {
      this.d.emit(this.prompt());
      return;
    }
    this.pending = [];
    if (text.trim()) await this.run(text);
    this.d.emit(this.prompt());
    const queued = this.typeahead;
    this.typeahead = '';
    if (queued) this.write(queued);
  }

  /** Runs one command line attached to this terminal. */
  private async run(text: string): Promise<void> {
    const shell = this.d.interpreter.shell;
    shell.history.push(text);
    const cwd = shell.cwd;
    let output = '';
    const show = (t: string) => {
      output += t;
      this.d.emit(t.replace(/\r?\n/g, '\r\n'));
    };
    let interrupt = () => {};
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    this.busy = { interrupt };
    const io: Io = { stdin: null, out: show, err: show, tty: true, cols: this.d.cols() };
    const job: Job = {
      interactive: true,
      background: false,
      interrupted,
      later: (t) => this.d.emit(t.replace(/\r?\n/g, '\r\n')),
    };
    let code: number;
    try {
      code = await this.d.interpreter.run(text, io, job);
    } catch (error) {
      show(`layerwise: the sandbox failed on this command: ${messageOf(error)}\n`);
      code = 1;
    }
    this.busy = null;
    if (output && !output.endsWith('\n') && !output.endsWith('\x1b[3J')) this.d.emit('\r\n');
    this.d.record(text, output, code, cwd);
  }
}
