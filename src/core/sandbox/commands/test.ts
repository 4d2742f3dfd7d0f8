/**
 * `test` and `[`: POSIX's rules by argument count (so `[ -n ]` and `[ = ]` mean what bash says),
 * then `!`, `-a`, `-o` and parentheses. File tests read the virtual file system. Exit 0 true,
 * 1 false, 2 an error with bash's message (`[: a: integer expression expected`).
 */
import type { Command, CommandContext } from './types.ts';
import { resolvePath } from '../../text/index.ts';
import { shellPrefix } from './messages.ts';

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-z',
  '-n',
  '-L',
  '-h',
  '-p',
  '-S',
  '-b',
  '-c',
  '-t',
  '-O',
  '-G',
  '-u',
  '-g',
  '-k',
  '-a',
]);
const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** bash's message, and dash's where it words it otherwise (dash's bltin/test.c). */
class TestError {
  constructor(
    readonly message: string,
    readonly dash = message,
  ) {}
}

export const test: Command = (ctx) => {
  let args = ctx.args;
  const where = shellPrefix(ctx);
  const dash = ctx.shell.dialect === 'dash';
  if (ctx.name === '[') {
    if (args.at(-1) !== ']') {
      ctx.io.err(`${where}[: missing ${dash ? ']' : "`]'"}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    ctx.io.err(`${where}${ctx.name}: ${dash ? error.dash : error.message}\n`);
    return 2;
  }
};

function evaluate(ctx: CommandContext, a: string[]): boolean {
  switch (a.length) {
    case 0:
      return false;
    case 1:
      return a[0] !== '';
    case 2:
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0]!)) return unary(ctx, a[0]!, a[1]!);
      throw new TestError(`${a[0]}: unary operator expected`, `${a[0]}: unexpected operator`);
    case 3:
      if (BINARY.has(a[1]!)) return binary(ctx, a[0]!, a[1]!, a[2]!);
      if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
      if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
      if (a[0] === '!') return !evaluate(ctx, a.slice(1));
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      throw new TestError(`${a[1]}: binary operator expected`, `${a[1]}: unexpected operator`);
    case 4:
      if (a[0] === '!') return !evaluate(ctx, a.slice(1));
      if (a[0] === '(' && a[3] === ')') return evaluate(ctx, a.slice(1, 3));
  }
  const parser = new Expression(ctx, a);
  const value = parser.or();
  if (parser.k < a.length) throw new TestError('too many arguments');
  return value;
}

/** The general form: `-o` binds looser than `-a`, `!` and `( )` tightest. */
class Expression {
  k = 0;
  constructor(
    private readonly ctx: CommandContext,
    private readonly a: string[],
  ) {}

  or(): boolean {
    let v = this.and();
    while (this.a[this.k] === '-o') {
      this.k++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  and(): boolean {
    let v = this.not();
    while (this.a[this.k] === '-a') {
      this.k++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  not(): boolean {
    if (this.a[this.k] === '!') {
      this.k++;
      return !this.not();
    }
    return this.primary();
  }

  primary(): boolean {
    const a = this.a;
    const t = a[this.k];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '(') {
      this.k++;
      const v = this.or();
      if (a[this.k] !== ')') throw new TestError(`\`)' expected`);
      this.k++;
      return v;
    }
    if (a[this.k + 1] !== undefined && BINARY.has(a[this.k + 1]!) && a[this.k + 2] !== undefined) {
      this.k += 3;
      return binary(this.ctx, t, a[this.k - 2]!, a[this.k - 1]!);
    }
    if (UNARY.has(t) && a[this.k + 1] !== undefined) {
      this.k += 2;
      return unary(this.ctx, t, a[this.k - 1]!);
    }
    this.k++;
    return t !== '';
  }
}

function integer(text: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text))
    throw new TestError(`${text}: integer expression expected`, `Illegal number: ${text}`);
  return Number(text);
}

function binary(ctx: CommandContext, left: string, op: string, right: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-nt':
    case '-ot': {
      const l = ctx.fs.stat(path(ctx, left));
      const r = ctx.fs.stat(path(ctx, right));
      if (op === '-nt') return !!l && (!r || l.mtime > r.mtime);
      return !!r && (!l || l.mtime < r.mtime);
    }
    case '-ef':
      return path(ctx, left) === path(ctx, right) && ctx.fs.stat(path(ctx, left)) !== null;
  }
  const l = integer(left);
  const r = integer(right);
  return op === '-eq'
    ? l === r
    : op === '-ne'
      ? l !== r
      : op === '-lt'
        ? l < r
        : op === '-le'
          ? l <= r
          : op === '-gt'
            ? l > r
            : l >= r;
}

function path(ctx: CommandContext, p: string): string {
  return resolvePath(ctx.shell.cwd, p, ctx.shell.home);
}

function unary(ctx: CommandContext, op: string, operand: string): boolean {
  if (op === '-z') return operand === '';
  if (op === '-n') return operand !== '';
  if (op === '-t') return false;
  const node = operand === '' ? null : ctx.fs.stat(path(ctx, operand));
  switch (op) {
    case '-e':
    case '-a':
      return node !== null;
    case '-f':
      return node?.kind === 'file';
    case '-d':
      return node?.kind === 'dir';
    case '-s':
      return node !== null && (node.kind === 'dir' || node.text.length > 0);
    case '-r':
    case '-w':
    case '-x':
      return (
        node !== null && ctx.fs.access(path(ctx, operand), op === '-r' ? 4 : op === '-w' ? 2 : 1)
      );
    case '-O':
      return node !== null && node.uid === (ctx.shell.cred?.uid ?? 0);
    case '-G':
      return node !== null && node.gid === (ctx.shell.cred?.gid ?? 0);
    case '-k':
      return node !== null && (node.mode & 0o1000) !== 0;
    default:
      return false;
  }
}
