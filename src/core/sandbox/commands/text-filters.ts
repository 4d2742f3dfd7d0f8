/** Filters for pipes: head, tail, grep, wc (GNU behaviour for the flags the course uses). */
import type { Command, CommandContext } from './types.ts';
import { resolvePath } from '../../text/index.ts';
import { describeError } from '../host/vfs.ts';
import { byteLength } from '../text/bytes.ts';
import { notSimulated } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';

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

/** grep's options the sandbox has; any other is refused with one line, never ignored. */
// -a (binary files as text) changes nothing here: the sandbox's files are text.
const GREP_OPTIONS = new Set('aivnFEcoq');

export const grep: Command = (ctx) => {
  const opts = new Set<string>();
  const rest: string[] = [];
  for (let k = 0; k < ctx.args.length; k++) {
    const a = ctx.args[k]!;
    // `-e PATTERN` names the pattern (one: several -e are refused below as other options).
    if (a === '-e' && k + 1 < ctx.args.length && !rest.length) rest.push(ctx.args[++k]!);
    else if (/^-[a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else if (a.startsWith('--')) return notSimulated(ctx.io, GAP.grepOptions, `grep ${a}`);
    else rest.push(a);
  }
  const unknown = [...opts].find((c) => !GREP_OPTIONS.has(c));
  if (unknown) return notSimulated(ctx.io, GAP.grepOptions, `grep -${unknown}`);
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
  let test: RegExp;
  try {
    const source = opts.has('F')
      ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      : opts.has('E')
        ? pattern
        : basicToJs(pattern);
    re = new RegExp(source, opts.has('i') ? 'gi' : 'g');
    test = new RegExp(source, opts.has('i') ? 'i' : '');
  } catch {
    ctx.io.err('grep: Unmatched ( or \\(\n');
    return 2;
  }
  const matches = (l: string) => [...l.matchAll(re)].map((m) => m[0]).filter(Boolean);
  const matched = lines(text)
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => test.test(l) !== opts.has('v'));
  const prefix = (i: number) => (opts.has('n') ? `${i + 1}:` : '');
  if (opts.has('q')) return matched.length ? 0 : 1;
  if (opts.has('c')) ctx.io.out(`${matched.length}\n`);
  // -o prints each non-empty match on its own line (and nothing with -v, as GNU grep does).
  else if (opts.has('o'))
    ctx.io.out(
      opts.has('v')
        ? ''
        : matched.flatMap(({ l, i }) => matches(l).map((m) => `${prefix(i)}${m}\n`)).join(''),
    );
  else ctx.io.out(matched.map(({ l, i }) => `${prefix(i)}${l}\n`).join(''));
  return matched.length ? 0 : 1;
};

/**
 * A POSIX basic regular expression as JavaScript reads it: `\(` `\)` `\{` `\}` `\|` `\+` `\?` are
 * the operators (GNU's) and the bare characters are literals, outside bracket expressions.
 */
function basicToJs(pattern: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (inBracket) {
      out += c === '\\' ? '\\\\' : c;
      // `[]…]` and `[^]…]` take the first `]` as a member.
      if (c === ']' && !/\[\^?$/.test(out.slice(0, -1))) inBracket = false;
    } else if (c === '[') {
      inBracket = true;
      out += c;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      out += '|+?(){}'.includes(next) ? next : `\\${next}`;
    } else out += '|+?(){}'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

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
