/**
 * Runs parsed command lines: `&&`/`||`/`;` sequencing, pipes (each stage's output is the next
 * one's input), redirections to the virtual file system, here-documents, variable assignment and
 * background jobs (`&`). Command output is passed through as it is written, so a server attached
 * to the terminal shows its log lines as they happen.
 */
import type { Vfs } from '../host/vfs.ts';
import type { Host } from '../host/host.ts';
import { describeError } from '../host/vfs.ts';
import { resolvePath } from '../../text/index.ts';
import { parseCommandLine, type ListItem, type SimpleCommand } from './parse.ts';
import { expandShellVariables, expandWord } from './expand.ts';
import type { CommandTable, Io, Job, ShellState } from '../commands/types.ts';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

export class Interpreter {
  private nextJob = 1;

  constructor(
    readonly table: CommandTable,
    readonly shell: ShellState,
    readonly fs: Vfs,
    readonly host: Host,
  ) {}

  async run(text: string, io: Io, job: Job): Promise<number> {
    const parsed = parseCommandLine(text);
    if (parsed.kind === 'error' || parsed.kind === 'incomplete') {
      io.err(
        parsed.kind === 'error'
          ? `${parsed.message}\n`
          : 'bash: syntax error: unexpected end of file\n',
      );
      return this.status(2);
    }
    let previous: ListItem['then'] = ';';
    for (const item of parsed.items) {
      const skip =
        (previous === '&&' && this.shell.lastExit !== 0) ||
        (previous === '||' && this.shell.lastExit === 0);
      previous = item.then;
      if (skip) continue;
      if (item.then === '&') {
        if (job.interactive)
          io.out(`[${this.nextJob++}] ${1000 + Math.floor(this.host.rng() * 30000)}\n`);
        this.status(await this.pipeline(item.pipeline, io, { ...job, background: true }));
      } else this.status(await this.pipeline(item.pipeline, io, job));
    }
    return this.shell.lastExit;
  }

  private status(code: number): number {
    this.shell.lastExit = code;
    return code;
  }

  private async pipeline(commands: SimpleCommand[], io: Io, job: Job): Promise<number> {
    let input: string | null = null;
    let code = 0;
    for (let i = 0; i < commands.length; i++) {
      const last = i === commands.length - 1;
      let captured = '';
      const stageIo: Io = last
        ? { ...io, stdin: input }
        : { ...io, stdin: input, tty: false, out: (t) => (captured += t) };
      code = await this.simple(commands[i]!, stageIo, job);
      input = captured;
    }
    return code;
  }

  private async simple(command: SimpleCommand, io: Io, job: Job): Promise<number> {
    const argv = command.words.flatMap((w) => expandWord(w, this.shell, this.fs));
    let stdin = io.stdin;
    if (command.heredoc)
      stdin = command.heredoc.expand
        ? expandShellVariables(command.heredoc.body, this.shell)
        : command.heredoc.body;

    // Redirections: files are opened (created or truncated) before the command runs, as in bash.
    let out = io.out;
    let err = io.err;
    let tty = io.tty;
    const writes: { path: string; text: string; append: boolean }[] = [];
    for (const r of command.redirects) {
      if (r.op === '2>&1') {
        err = (t) => out(t);
        continue;
      }
      const target = expandWord(r.target, this.shell, this.fs)[0] ?? '';
      const path = resolvePath(this.shell.cwd, target, this.shell.home);
      if (path === '/dev/null') {
        // The bit bucket: reads give nothing, writes vanish.
        if (r.op === '<') stdin = '';
        else if (r.op === '2>' || r.op === '2>>') err = () => {};
        else if (r.op === '&>') out = err = () => {};
        else out = () => {};
        continue;
      }
      if (r.op === '<') {
        const text = this.fs.read(path);
        if (text === null) {
          io.err(`bash: ${target}: ${describeError(this.fs.readError(path))}\n`);
          return 1;
        }
        stdin = text;
        continue;
      }
      const append = r.op === '>>' || r.op === '2>>';
      const error = this.fs.write(path, '', { append });
      if (error) {
        io.err(`bash: ${target}: ${describeError(error)}\n`);
        return 1;
      }
      const entry = { path, text: '', append };
      writes.push(entry);
      const sink = (t: string) => (entry.text += t);
      if (r.op === '2>' || r.op === '2>>') err = sink;
      else if (r.op === '&>') out = err = sink;
      else {
        out = sink;
        tty = false;
      }
    }

    const [name, ...args] = argv;
    let code = 0;
    if (name === undefined) code = 0;
    else if (ASSIGNMENT.test(name) && args.length === 0) {
      const [, key, value] = ASSIGNMENT.exec(name)!;
      this.shell.env.set(key!, value!);
    } else {
      const fn = this.table.commands.get(name);
      if (!fn) {
        err(`${this.table.notFound(name)}\n`);
        code = 127;
      } else {
        code = await fn({
          name,
          args,
          io: { stdin, out, err, tty, cols: io.cols },
          shell: this.shell,
          fs: this.fs,
          host: this.host,
          job,
          exec: (line) => this.run(line, { ...io, stdin, out, err, tty }, job),
        });
      }
    }
    for (const w of writes) this.fs.write(w.path, w.text, { append: true });
    return code;
  }
}
