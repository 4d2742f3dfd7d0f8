/**
 * More of coreutils for pipes, as people chain them after docker: cut, sort, uniq, tr, tee, and
 * xargs (`docker ps -q | xargs docker rm -f`). GNU's behaviour for the common flags.
 */
import type { Command } from './types.ts';
import { input, lines } from './text-filters.ts';
import { resolvePath } from '../../text/index.ts';
import { describeError } from '../host/vfs.ts';
import { quote, tryHelp } from './messages.ts';
import { quoteWord } from './builtins.ts';

/** `-f1,3`, `-f2-`, `-c1-5`: 1-based ranges. */
function ranges(list: string): ((n: number) => boolean) | null {
  const parts = list.split(',').map((p) => /^(\d*)(-?)(\d*)$/.exec(p));
  if (parts.some((m) => !m || (m[1] === '' && m[3] === ''))) return null;
  return (n) =>
    parts.some((m) => {
      const from = m![1] ? Number(m![1]) : 1;
      const to = m![2] ? (m![3] ? Number(m![3]) : Infinity) : from;
      return n >= from && n <= to;
    });
}

export const cut: Command = (ctx) => {
  let delimiter = '\t';
  let fields: string | null = null;
  let chars: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    const value = (flag: string) => (a.length > 2 ? a.slice(2) : (ctx.args[++i] ?? '')) || flag;
    if (a.startsWith('-d')) delimiter = value('');
    else if (a.startsWith('-f')) fields = value('');
    else if (a.startsWith('-c') || a.startsWith('-b')) chars = value('');
    else files.push(a);
  }
  const list = fields ?? chars;
  if (list === null) {
    ctx.io.err(`cut: you must specify a list of bytes, characters, or fields\n${tryHelp(ctx)}`);
    return 1;
  }
  const pick = ranges(list);
  if (!pick) {
    ctx.io.err(`cut: invalid field value ${quote(ctx, list)}\n${tryHelp(ctx)}`);
    return 1;
  }
  const text = input(ctx, files);
  if (text === null) return 1;
  const out = lines(text).map((line) => {
    if (chars !== null) return [...line].filter((_, k) => pick(k + 1)).join('');
    if (!line.includes(delimiter)) return line;
    return line
      .split(delimiter)
      .filter((_, k) => pick(k + 1))
      .join(delimiter);
  });
  ctx.io.out(out.map((l) => `${l}\n`).join(''));
  return 0;
};

export const sort: Command = (ctx) => {
  const flags = new Set(
    ctx.args.filter((a) => /^-[a-z]+$/.test(a)).flatMap((a) => [...a.slice(1)]),
  );
  const text = input(
    ctx,
    ctx.args.filter((a) => !/^-[a-z]+$/.test(a)),
  );
  if (text === null) return 2;
  let out = lines(text);
  out.sort(
    flags.has('n')
      ? (a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0) || (a < b ? -1 : a > b ? 1 : 0)
      : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  if (flags.has('r')) out.reverse();
  if (flags.has('u')) out = out.filter((l, k) => k === 0 || l !== out[k - 1]);
  ctx.io.out(out.map((l) => `${l}\n`).join(''));
  return 0;
};

export const uniq: Command = (ctx) => {
  const count = ctx.args.includes('-c');
  const text = input(
    ctx,
    ctx.args.filter((a) => !a.startsWith('-')),
  );
  if (text === null) return 1;
  const runs: { line: string; n: number }[] = [];
  for (const line of lines(text)) {
    const last = runs.at(-1);
    if (last && last.line === line) last.n++;
    else runs.push({ line, n: 1 });
  }
  ctx.io.out(runs.map((r) => `${count ? `${String(r.n).padStart(7)} ` : ''}${r.line}\n`).join(''));
  return 0;
};

/** `a-z` ranges and `\n` escapes in a set. */
function charSet(set: string): string[] {
  const s = set.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]!);
  }
  return out;
}

export const tr: Command = (ctx) => {
  const del = ctx.args[0] === '-d';
  const [from, to] = ctx.args.slice(del ? 1 : 0);
  if (from === undefined || (!del && to === undefined)) {
    ctx.io.err(`tr: missing operand\n${tryHelp(ctx)}`);
    return 1;
  }
  const a = charSet(from);
  const b = del ? [] : charSet(to!);
  const text = ctx.io.stdin ?? '';
  ctx.io.out(
    [...text]
      .map((c) => {
        const k = a.indexOf(c);
        if (k < 0) return c;
        return del ? '' : (b[Math.min(k, b.length - 1)] ?? '');
      })
      .join(''),
  );
  return 0;
};

export const tee: Command = (ctx) => {
  const append = ctx.args.includes('-a');
  const text = ctx.io.stdin ?? '';
  let code = 0;
  for (const file of ctx.args.filter((a) => !a.startsWith('-'))) {
    const error = ctx.fs.write(resolvePath(ctx.shell.cwd, file, ctx.shell.home), text, { append });
    if (error) {
      ctx.io.err(`tee: ${file}: ${describeError(error)}\n`);
      code = 1;
    }
  }
  ctx.io.out(text);
  return code;
};

/** `xargs [-r] [-n N] [COMMAND [ARG…]]`: the words of stdin appended to COMMAND (`echo` by default). */
export const xargs: Command = async (ctx) => {
  const args = [...ctx.args];
  let skipEmpty = false;
  let per = Infinity;
  while (args[0]?.startsWith('-')) {
    const a = args.shift()!;
    if (a === '-r' || a === '--no-run-if-empty') skipEmpty = true;
    else if (a === '-n') per = Math.max(1, Number(args.shift()) || 1);
    else if (/^-n\d+$/.test(a)) per = Math.max(1, Number(a.slice(2)));
    else {
      ctx.io.err(`xargs: invalid option -- '${a.replace(/^-+/, '')}'\n${tryHelp(ctx)}`);
      return 1;
    }
  }
  const command = args.length ? args : ['echo'];
  const words = (ctx.io.stdin ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0 && skipEmpty) return 0;
  let code = 0;
  for (let k = 0; k === 0 || k < words.length; k += per) {
    const argv = [...command, ...words.slice(k, k + per)];
    const status = await ctx.exec(argv.map(quoteWord).join(' '));
    if (status !== 0) code = status === 127 ? 127 : 123;
  }
  return code;
};
