/**
 * Runs parsed command lines: `&&`/`||`/`;` sequencing, `!`, pipes (each stage's output is the next
 * one's input), subshells and groups, redirections to the virtual file system, here-documents and
 * here-strings, variable assignment (alone, or for one command: `PORT=8001 uvicorn …`), `$(…)` in
 * a subshell, `for`, `while` and `until` loops with `break` and `continue`, `if`, background jobs
 * (`&`) and `exit`. Command output is passed through as it is written,
 * so a server attached to the terminal shows its log lines as they happen.
 */
import type { Vfs } from '../host/vfs.ts';
import type { Host } from '../host/host.ts';
import { describeError } from '../host/vfs.ts';
import { resolvePath } from '../../text/index.ts';
import { parseCommandLine, type ListItem, type SimpleCommand, type Word } from './parse.ts';
import {
  expandHeredoc,
  expandString,
  expandWords,
  type ExpandFailure,
  type Expander,
} from './expand.ts';
import type { CommandTable, Io, Job, ShellState } from '../commands/types.ts';
import { notSimulated } from '../not-simulated.ts';
import { assign } from './environment.ts';
import { shellPrefix } from '../commands/messages.ts';
import { GAP, UNSIMULATED_BUILTINS } from './gaps.ts';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;
/** the most words a `for` loop runs over (GAP.longLoops), and passes of a loop that cannot yield */
const MAX_LOOP = 10_000;
/** A `while` loop hands the browser a turn every this many passes (a `sleep` in it does anyway). */
const PASSES_PER_TURN = 64;

/**
 * A `break` or `continue` on its way out to the loop it ends, `levels` loops up; `abandon`: the
 * rest of the command line is dropped and it ends with `status` (bash's answer to `break WORD`, and
 * a loop the sandbox cannot run on).
 */
type LoopJump =
  { kind: 'break' | 'continue'; levels: number } | { kind: 'abandon'; status: number };

export class Interpreter {
  private nextJob = 1;
  private readonly initial: ShellState;
  /** status of the last `$(…)` run while expanding: an assignment alone returns it */
  private substituted: number | null = null;
  /** how many loops the running command is inside: what `break N` can reach */
  private loops = 0;
  private jump: LoopJump | null = null;

  constructor(
    readonly table: CommandTable,
    public shell: ShellState,
    readonly fs: Vfs,
    readonly host: Host,
  ) {
    this.initial = copyShell(shell);
  }

  /** After `exit`: a new login shell in the same place it started, history kept (as a new tab's bash reads it back). */
  respawn(): void {
    const fresh = copyShell(this.initial);
    fresh.history = this.shell.history;
    Object.assign(this.shell, fresh, { exited: null });
  }

  async run(text: string, io: Io, job: Job): Promise<number> {
    if (this.shell.exited != null && !this.shell.subshell) this.respawn();
    const parsed = parseCommandLine(text, this.shell.aliases);
    if (parsed.kind === 'error' || parsed.kind === 'incomplete') {
      io.err(
        parsed.kind === 'error'
          ? `${parsed.message}\n`
          : 'bash: syntax error: unexpected end of file\n',
      );
      return this.status(2);
    }
    if (parsed.kind === 'unsupported')
      return this.status(notSimulated(io, parsed.gap, parsed.shown));
    await this.list(parsed.items, io, job);
    if (this.jump?.kind === 'abandon') this.status(this.jump.status);
    this.jump = null;
    return this.shell.exited ?? this.shell.lastExit;
  }

  private status(code: number): number {
    this.shell.lastExit = code;
    return code;
  }

  private async list(items: ListItem[], io: Io, job: Job): Promise<number> {
    let previous: ListItem['then'] = ';';
    for (const item of items) {
      if (this.shell.exited != null || this.jump) break;
      const skip =
        (previous === '&&' && this.shell.lastExit !== 0) ||
        (previous === '||' && this.shell.lastExit === 0);
      previous = item.then;
      if (skip) continue;
      if (item.then === '&') {
        const pid = 1000 + Math.floor(this.host.rng() * 30000);
        if (job.interactive) io.out(`[${this.nextJob++}] ${pid}\n`);
        this.shell.lastBackground = pid;
        this.status(await this.pipeline(item, io, { ...job, background: true }));
      } else this.status(await this.pipeline(item, io, job));
    }
    return this.shell.lastExit;
  }

  private async pipeline(item: ListItem, io: Io, job: Job): Promise<number> {
    const commands = item.pipeline;
    let input: string | null = io.stdin;
    let code = 0;
    for (let i = 0; i < commands.length; i++) {
      const last = i === commands.length - 1;
      let captured = '';
      const stageIo: Io = last
        ? { ...io, stdin: input }
        : { ...io, stdin: input, tty: false, out: (t) => (captured += t) };
      // Each stage of a real pipeline is a subshell: `exit` or `cd` there ends with it.
      const runner = commands.length > 1 ? this.child() : this;
      code = await runner.command(commands[i]!, stageIo, job);
      input = captured;
    }
    return item.negate ? (code === 0 ? 1 : 0) : code;
  }

  /** A subshell: a copy of this shell's state that changes nothing here. */
  child(): Interpreter {
    const shell = copyShell(this.shell);
    shell.subshell = true;
    shell.exited = null;
    return new Interpreter(this.table, shell, this.fs, this.host);
  }

  /** The file system as this shell's user sees it. */
  private get view(): Vfs {
    return this.fs.as(this.shell.cred);
  }

  private expander(io: Io, job: Job): Expander {
    return {
      shell: this.shell,
      fs: this.view,
      substitute: async (script) => {
        let out = '';
        const sub = this.child();
        const code = await sub.run(
          script,
          { ...io, stdin: null, tty: false, out: (t) => (out += t) },
          {
            ...job,
            interactive: false,
            background: false,
          },
        );
        this.substituted = code;
        return out;
      },
    };
  }

  private failed(failure: ExpandFailure, io: Io): number {
    if ('gap' in failure) return notSimulated(io, failure.gap, failure.shown);
    io.err(`${failure.error}\n`);
    return 1;
  }

  private async command(command: SimpleCommand, io: Io, job: Job): Promise<number> {
    this.substituted = null;
    const x = this.expander(io, job);
    const assignments: [string, string][] = [];
    let k = 0;
    for (; k < command.words.length && !command.group; k++) {
      const split = splitAssignment(command.words[k]!);
      if (!split) break;
      const value = await expandString(split.value, x);
      if (typeof value !== 'string') return this.failed(value, io);
      assignments.push([split.name, value]);
    }
    const argv = await expandWords(command.words.slice(k), x);
    if (!Array.isArray(argv)) return this.failed(argv, io);

    let stdin = io.stdin;
    if (command.heredoc) {
      const body = command.heredoc.expand
        ? await expandHeredoc(command.heredoc.body, x)
        : command.heredoc.body;
      if (typeof body !== 'string') return this.failed(body, io);
      stdin = body;
    }

    // Redirections: files are opened (created or truncated) before the command runs, as in bash.
    let out = io.out;
    let err = io.err;
    let tty = io.tty;
    const writes: { path: string; text: string; append: boolean }[] = [];
    for (const r of command.redirects) {
      if (r.op === '2>&1') {
        const to = out;
        err = (t) => to(t);
        continue;
      }
      if (r.op === '1>&2') {
        const to = err;
        out = (t) => to(t);
        tty = false;
        continue;
      }
      const target = await expandString(r.target, x);
      if (typeof target !== 'string') return this.failed(target, io);
      if (r.op === '<<<') {
        stdin = `${target}\n`;
        continue;
      }
      const path = resolvePath(this.shell.cwd, target, this.shell.home);
      if (path === '/dev/null') {
        // The bit bucket: reads give nothing, writes vanish.
        if (r.op === '<') stdin = '';
        else if (r.op === '2>' || r.op === '2>>') err = () => {};
        else if (r.op === '&>' || r.op === '&>>') out = err = () => {};
        else out = () => {};
        continue;
      }
      if (r.op === '<') {
        const text = this.view.read(path);
        if (text === null) {
          io.err(`${shellPrefix(this)}${target}: ${describeError(this.view.readError(path))}\n`);
          return 1;
        }
        stdin = text;
        continue;
      }
      const append = r.op === '>>' || r.op === '2>>' || r.op === '&>>';
      const error = this.view.write(path, '', { append });
      if (error) {
        // dash: `cannot create FILE: …`, status 2; bash: `FILE: …`, status 1.
        if (this.shell.dialect === 'dash') {
          io.err(`${shellPrefix(this)}cannot create ${target}: ${describeError(error)}\n`);
          return 2;
        }
        io.err(`bash: ${target}: ${describeError(error)}\n`);
        return 1;
      }
      const entry = { path, text: '', append };
      writes.push(entry);
      const sink = (t: string) => (entry.text += t);
      if (r.op === '2>' || r.op === '2>>') err = sink;
      else if (r.op === '&>' || r.op === '&>>') out = err = sink;
      else {
        out = sink;
        tty = false;
      }
    }
    const redirected: Io = { stdin, out, err, tty, cols: io.cols };

    let code: number;
    if (command.group) {
      const runner = command.group.subshell ? this.child() : this;
      code = await runner.list(command.group.items, redirected, job);
      if (runner !== this) code = runner.shell.exited ?? code;
    } else if (command.loop) {
      code = await this.forLoop(command.loop, x, redirected, job);
    } else if (command.repeat) {
      code = await this.repeatLoop(command.repeat, redirected, job);
    } else if (command.branch) {
      code = await this.ifClause(command.branch, redirected, job);
    } else if (argv.length === 0) {
      for (const [name, value] of assignments) assign(this.shell, name, value);
      code = this.substituted ?? 0;
    } else code = await this.execute(argv, assignments, redirected, job);
    for (const w of writes) this.view.write(w.path, w.text, { append: true });
    return code;
  }

  /**
   * `for NAME in WORDS; do …; done`: the words expanded as arguments are (split, globbed), the body
   * run once for each with NAME set; Ctrl+C ends the loop, as the SIGINT bash gets too. Without
   * `in`, the positional parameters, which an interactive shell has none of. Its status is the
   * body's last, 0 when it never ran.
   */
  private async forLoop(
    loop: NonNullable<SimpleCommand['loop']>,
    x: Expander,
    io: Io,
    job: Job,
  ): Promise<number> {
    if (!/^[A-Za-z_]\w*$/.test(loop.name)) {
      io.err(`bash: \`${loop.name}': not a valid identifier\n`);
      return 1;
    }
    const values = loop.words ? await expandWords(loop.words, x) : [];
    if (!Array.isArray(values)) return this.failed(values, io);
    // Each pass runs without handing the browser a frame: a very long loop would hold the page.
    if (values.length > MAX_LOOP) return notSimulated(io, GAP.longLoops);
    return this.looping(job, async (stopped) => {
      let code = 0;
      for (const value of values) {
        if (stopped()) break;
        assign(this.shell, loop.name, value);
        code = await this.list(loop.items, io, job);
        if (this.leaves()) break;
      }
      return code;
    });
  }

  /**
   * `while TEST; do BODY; done` (`until`: while TEST fails): its status is the body's last, 0 when
   * the body never ran; Ctrl+C ends it with 130. It runs until it ends, as bash does: every
   * PASSES_PER_TURN passes it waits a turn (host.wait), so the page stays live and a Ctrl+C typed
   * meanwhile is read. A host without real time (tests, scripts) stops it at MAX_LOOP passes.
   */
  private async repeatLoop(
    repeat: NonNullable<SimpleCommand['repeat']>,
    io: Io,
    job: Job,
  ): Promise<number> {
    return this.looping(job, async (stopped) => {
      let code = 0;
      for (let pass = 1; !stopped(); pass++) {
        if (pass % PASSES_PER_TURN === 0) {
          if (!this.host.wait && pass > MAX_LOOP) {
            this.jump = { kind: 'abandon', status: notSimulated(io, GAP.endlessLoops) };
            break;
          }
          await this.host.wait?.(0);
          if (stopped()) break;
        }
        const test = await this.list(repeat.test, io, job);
        if (this.leaves() || stopped() || (test === 0) === repeat.until) break;
        code = await this.list(repeat.items, io, job);
        if (this.leaves()) break;
      }
      return code;
    });
  }

  /**
   * What every loop shares: `break N` can reach it while it runs, and Ctrl+C (bash gets the SIGINT
   * too) ends it with 130. `passes` runs it, asking `stopped()` between passes (Ctrl+C, or `exit`).
   */
  private async looping(
    job: Job,
    passes: (stopped: () => boolean) => Promise<number>,
  ): Promise<number> {
    let interrupted = false;
    void job.interrupted.then(() => (interrupted = true));
    this.loops++;
    try {
      const code = await passes(() => interrupted || this.shell.exited != null);
      return interrupted ? 130 : code;
    } finally {
      this.loops--;
    }
  }

  /**
   * After a pass of a loop: whether a `break` or `continue` ends this loop. A `continue` aimed at
   * this loop is spent here and the loop goes on; one aimed further out, and any `break`, leave it.
   */
  private leaves(): boolean {
    const jump = this.jump;
    if (!jump) return false;
    if (jump.kind === 'abandon') return true;
    if (jump.levels > 1) {
      jump.levels--;
      return true;
    }
    this.jump = null;
    return jump.kind === 'break';
  }

  /**
   * `break [N]` and `continue [N]`, as bash 5.2 answers them: outside a loop a warning and 0; a
   * count under 1 is out of range (1) but still leaves this loop; a word drops the whole line (128).
   */
  private loopControl(kind: 'break' | 'continue', args: string[], io: Io): number {
    const [count = '1'] = args;
    if (this.loops === 0) {
      io.err(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    if (!/^-?\d+$/.test(count)) {
      io.err(`bash: ${kind}: ${count}: numeric argument required\n`);
      this.jump = { kind: 'abandon', status: 128 };
      return 128;
    }
    const levels = Number(count);
    this.jump = { kind, levels: Math.max(1, Math.min(levels, this.loops)) };
    if (levels >= 1) return 0;
    io.err(`bash: ${kind}: ${count}: loop count out of range\n`);
    return 1;
  }

  /** `if`: each arm's test in turn until one succeeds, then its body; 0 when no body ran (as bash). */
  private async ifClause(
    branch: NonNullable<SimpleCommand['branch']>,
    io: Io,
    job: Job,
  ): Promise<number> {
    for (const arm of branch.arms) {
      if ((await this.list(arm.test, io, job)) === 0) return this.list(arm.body, io, job);
      if (this.shell.exited != null) return this.shell.lastExit;
    }
    return branch.otherwise ? this.list(branch.otherwise, io, job) : 0;
  }

  /** Runs a command with `NAME=value` prefixes in its environment only. */
  private async execute(
    argv: string[],
    assignments: [string, string][],
    io: Io,
    job: Job,
  ): Promise<number> {
    const [name, ...args] = argv as [string, ...string[]];
    if (name === 'break' || name === 'continue') return this.loopControl(name, args, io);
    // `eval WORDS`: the words joined with spaces, run as a command line in this shell.
    if (name === 'eval') return this.run(args.join(' '), io, job);
    if (UNSIMULATED_BUILTINS.has(name)) return notSimulated(io, GAP.builtins, name);
    const fn = this.table.commands.get(name);
    if (!fn) return this.table.notFound(name, io, this.shell);
    const saved = assignments.map(([k]) => [k, this.shell.env.get(k)] as const);
    const hidden = new Set(this.shell.unexported);
    for (const [k, v] of assignments) {
      this.shell.env.set(k, v);
      this.shell.unexported?.delete(k);
    }
    try {
      return await fn({
        name,
        args,
        io,
        shell: this.shell,
        fs: this.view,
        host: this.host,
        job,
        exec: (line) => this.run(line, io, job),
        subshell: () => this.child(),
        commands: () => this.table.commands.keys(),
      });
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) this.shell.env.delete(k);
        else this.shell.env.set(k, v);
        if (hidden.has(k)) this.shell.unexported?.add(k);
      }
    }
  }
}

/** `NAME=value…` at the start of a word, the name unquoted: the value's word, else null. */
function splitAssignment(word: Word): { name: string; value: Word } | null {
  const first = word[0];
  if (!first || first.kind || first.quote !== 'none') return null;
  const m = ASSIGNMENT.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  return {
    name: m[1]!,
    value: [...(rest ? [{ ...first, text: rest }] : []), ...word.slice(1)],
  };
}

function copyShell(shell: ShellState): ShellState {
  return {
    ...shell,
    env: new Map(shell.env),
    history: [...shell.history],
    ...(shell.unexported ? { unexported: new Set(shell.unexported) } : {}),
    ...(shell.aliases ? { aliases: new Map(shell.aliases) } : {}),
    ...(shell.args ? { args: [...shell.args] } : {}),
  };
}
