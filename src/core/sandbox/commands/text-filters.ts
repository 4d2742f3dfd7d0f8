/** Filters for pipes: head, tail, grep, wc (GNU behaviour for the flags the course uses). */
import type { Command, CommandContext } from './types.ts';
import { resolvePath } from '../../text/index.ts';
import { describeError } from '../host/vfs.ts';
import { byteLength } from '../text/bytes.ts';

/** The input of a filter: its file operands, or the pipe. */
export function input(ctx: CommandContext, files: string[]): string | null {
  if (files.length === 0) return ctx.io.stdin ?? '';
  let text = '';
  for (const f of files) {
    const t = ctx.fs.read(resolvePath(ctx.shell.cwd, f, ctx.shell.home));
    if (t === null) {
      ctx.io.err(
        `${ctx.name}: ${f}: ${describeError(ctx.fs.readError(resolvePath(ctx.shell.cwd, f, ctx.shell.home)))}\n`,
      );
      return null;
    }
    text += t;
  }
  return text;
}

export function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

const headTail =
  (pick: (all: string[], n: number) => string[]): Command =>
  (ctx) => {
    let n = 10;
    const files: string[] = [];
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i]!;
      if (a === '-n') n = Number(ctx.args[++i]);
      else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ''));
      else files.push(a);
    }
    const text = input(ctx, files);
    if (text === null) return 1;
    const out = pick(lines(text), n);
    ctx.io.out(out.map((l) => `${l}\n`).join(''));
    return 0;
  };

export const head = headTail((all, n) => all.slice(0, n));
export const tail = headTail((all, n) => (n === 0 ? [] : all.slice(-n)));

export const grep: Command = (ctx) => {
  const opts = new Set<string>();
  const rest: string[] = [];
  for (const a of ctx.args) {
    if (/^-[a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else rest.push(a);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    ctx.io.err(
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    );
    return 2;
  }
  const text = input(ctx, files);
  if (text === null) return 2;
  let re: RegExp;
  try {
    const source = opts.has('F')
      ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      : opts.has('E')
        ? pattern
        : pattern.replace(/\\([|+?(){}])/g, '$1');
    re = new RegExp(source, opts.has('i') ? 'i' : '');
  } catch {
    ctx.io.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const matched = lines(text)
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => re.test(l) !== opts.has('v'));
  if (opts.has('c')) ctx.io.out(`${matched.length}\n`);
  else ctx.io.out(matched.map(({ l, i }) => `${opts.has('n') ? `${i + 1}:` : ''}${l}\n`).join(''));
  return matched.length ? 0 : 1;
};

export const wc: Command = (ctx) => {
  const opts = ctx.args.filter((a) => a.startsWith('-')).join('');
  const files = ctx.args.filter((a) => !a.startsWith('-'));
  const text = input(ctx, files);
  if (text === null) return 1;
  const counts = {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: byteLength(text),
  };
  const chosen = (['l', 'w', 'c'] as const).filter((k) => opts.includes(k));
  const shown = (chosen.length ? chosen : (['l', 'w', 'c'] as const)).map((k) => counts[k]);
  const width =
    files.length || chosen.length !== 1 ? Math.max(...shown.map((n) => String(n).length)) : 0;
  ctx.io.out(
    `${shown.map((n) => String(n).padStart(width)).join(' ')}${files.length ? ` ${files.join(' ')}` : ''}\n`,
  );
  return 0;
};
