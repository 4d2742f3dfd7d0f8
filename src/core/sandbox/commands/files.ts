/** The file commands of coreutils the course uses, with GNU's messages: ls, cat, mkdir, touch, rm, mv, cp, chmod. */
import type { Command, CommandContext } from './types.ts';
import { baseName, dirname, resolvePath } from '../../text/index.ts';
import { describeError } from '../host/vfs.ts';
import { style } from '../text/ansi.ts';
import { byteLength } from '../text/bytes.ts';

const abs = (ctx: CommandContext, p: string) => resolvePath(ctx.shell.cwd, p, ctx.shell.home);

/** Splits `-la` style flags from operands. */
function flags(args: string[]): { set: Set<string>; rest: string[] } {
  const set = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (a.startsWith('--')) continue; // long options such as --color change nothing here
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a))
      for (const c of a.slice(1)) set.add(c);
    else rest.push(a);
  }
  return { set, rest };
}

function modeString(kind: 'file' | 'dir', mode: number): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => (mode & (1 << (8 - i)) ? c : '-'))
    .join('');
  return (kind === 'dir' ? 'd' : '-') + bits;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function lsDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export const ls: Command = (ctx) => {
  const { set, rest } = flags(ctx.args);
  const targets = rest.length ? rest : ['.'];
  let code = 0;
  const fileNames: string[] = [];
  const dirs: string[] = [];
  for (const target of targets) {
    const node = ctx.fs.stat(abs(ctx, target));
    if (!node) {
      ctx.io.err(`ls: cannot access '${target}': No such file or directory\n`);
      code = 2;
    } else (node.kind === 'dir' ? dirs : fileNames).push(target);
  }
  // As GNU ls: file operands first, together; then each directory, titled when there are several.
  const blocks: string[] = [];
  if (fileNames.length)
    blocks.push(
      listing(
        ctx,
        set,
        fileNames.map((n) => [n, abs(ctx, n)]),
        false,
      ),
    );
  for (const dir of dirs) {
    const path = abs(ctx, dir);
    let names = ctx.fs.list(path) as string[];
    names = set.has('a') ? ['.', '..', ...names] : names.filter((n) => !n.startsWith('.'));
    const entries = names.map((n): [string, string] => [
      n,
      n === '.' ? path : n === '..' ? dirname(path) : `${path}/${n}`,
    ]);
    const text = listing(ctx, set, entries, true);
    blocks.push((targets.length > 1 ? `${dir}:\n` : '') + text);
  }
  const out = blocks.filter((b) => b !== '').join('\n\n');
  if (out) ctx.io.out(`${out}\n`);
  return code;
};

/** One block of `ls` output: names (coloured on a terminal), or `-l` rows with a total for directories. */
function listing(
  ctx: CommandContext,
  set: Set<string>,
  entries: [string, string][],
  isDir: boolean,
): string {
  const rows = entries.map(([name, path]) => {
    const node = ctx.fs.stat(path)!;
    const size = node.kind === 'dir' ? 4096 : byteLength(node.text);
    const shown = !ctx.io.tty
      ? name
      : node.kind === 'dir'
        ? style.boldBlue(name)
        : node.mode & 0o111
          ? style.boldGreen(name)
          : name;
    return { node, size, shown };
  });
  if (!set.has('l')) return rows.map((r) => r.shown).join(ctx.io.tty ? '  ' : '\n');
  const width = Math.max(1, ...rows.map((r) => String(r.size).length));
  const total = rows.reduce((t, r) => t + Math.ceil(r.size / 4096) * 4, 0);
  const lines = rows.map(
    (r) =>
      `${modeString(r.node.kind, r.node.mode)} 1 learner learner ${String(r.size).padStart(width)} ${lsDate(r.node.mtime)} ${r.shown}`,
  );
  return [...(isDir ? [`total ${total}`] : []), ...lines].join('\n');
}

export const cat: Command = (ctx) => {
  if (ctx.args.length === 0) {
    ctx.io.out(ctx.io.stdin ?? '');
    return 0;
  }
  let code = 0;
  for (const file of ctx.args) {
    const text = ctx.fs.read(abs(ctx, file));
    if (text === null) {
      ctx.io.err(`cat: ${file}: ${describeError(ctx.fs.readError(abs(ctx, file)))}\n`);
      code = 1;
    } else ctx.io.out(text);
  }
  return code;
};

export const mkdir: Command = (ctx) => {
  const { set, rest } = flags(ctx.args);
  let code = 0;
  for (const dir of rest) {
    const error = ctx.fs.mkdir(abs(ctx, dir), { parents: set.has('p') });
    if (error) {
      ctx.io.err(`mkdir: cannot create directory ‘${dir}’: ${describeError(error)}\n`);
      code = 1;
    }
  }
  if (rest.length === 0)
    ctx.io.err("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
  return rest.length ? code : 1;
};

export const touch: Command = (ctx) => {
  let code = 0;
  for (const file of flags(ctx.args).rest) {
    const error = ctx.fs.touch(abs(ctx, file));
    if (error) {
      ctx.io.err(`touch: cannot touch '${file}': ${describeError(error)}\n`);
      code = 1;
    }
  }
  return code;
};

export const rm: Command = (ctx) => {
  const { set, rest } = flags(ctx.args);
  let code = 0;
  for (const target of rest) {
    const path = abs(ctx, target);
    const node = ctx.fs.stat(path);
    if (!node) {
      if (!set.has('f')) ctx.io.err(`rm: cannot remove '${target}': No such file or directory\n`);
      code = set.has('f') ? code : 1;
    } else if (node.kind === 'dir' && !set.has('r') && !set.has('R')) {
      ctx.io.err(`rm: cannot remove '${target}': Is a directory\n`);
      code = 1;
    } else ctx.fs.remove(path, { recursive: true });
  }
  return code;
};

/** `mv`/`cp` land inside an existing directory target, else at the target path. */
function destination(ctx: CommandContext, source: string, target: string): string {
  const t = abs(ctx, target);
  return ctx.fs.stat(t)?.kind === 'dir' ? `${t}/${baseName(abs(ctx, source))}` : t;
}

export const mv: Command = (ctx) => {
  const { rest } = flags(ctx.args);
  const target = rest.pop();
  let code = 0;
  for (const source of rest) {
    if (!ctx.fs.stat(abs(ctx, source))) {
      ctx.io.err(`mv: cannot stat '${source}': No such file or directory\n`);
      code = 1;
      continue;
    }
    const error = ctx.fs.rename(abs(ctx, source), destination(ctx, source, target!));
    if (error) {
      ctx.io.err(`mv: cannot move '${source}' to '${target}': ${describeError(error)}\n`);
      code = 1;
    }
  }
  return code;
};

export const cp: Command = (ctx) => {
  const { set, rest } = flags(ctx.args);
  const target = rest.pop();
  let code = 0;
  for (const source of rest) {
    const from = abs(ctx, source);
    const node = ctx.fs.stat(from);
    if (!node) {
      ctx.io.err(`cp: cannot stat '${source}': No such file or directory\n`);
      code = 1;
      continue;
    }
    const to = destination(ctx, source, target!);
    if (node.kind === 'dir') {
      if (!set.has('r') && !set.has('R') && !set.has('a')) {
        ctx.io.err(`cp: -r not specified; omitting directory '${source}'\n`);
        code = 1;
        continue;
      }
      ctx.fs.mkdir(to, { parents: true });
      for (const rel of ctx.fs.walk(from)) {
        ctx.fs.mkdir(dirname(`${to}/${rel}`), { parents: true });
        const file = ctx.fs.stat(`${from}/${rel}`)!;
        ctx.fs.write(`${to}/${rel}`, file.text, { mode: file.mode });
      }
    } else {
      const error = ctx.fs.write(to, node.text, { mode: node.mode });
      if (error) {
        ctx.io.err(`cp: cannot create regular file '${target}': ${describeError(error)}\n`);
        code = 1;
      }
    }
  }
  return code;
};

export const chmod: Command = (ctx) => {
  const [mode, ...files] = ctx.args;
  if (!mode || files.length === 0) {
    ctx.io.err(
      `chmod: missing operand${mode ? ` after ‘${mode}’` : ''}\nTry 'chmod --help' for more information.\n`,
    );
    return 1;
  }
  let code = 0;
  for (const file of files) {
    const node = ctx.fs.stat(abs(ctx, file));
    const next = node ? applyMode(node.mode, mode) : null;
    if (!node) {
      ctx.io.err(`chmod: cannot access '${file}': No such file or directory\n`);
      code = 1;
    } else if (next === null) {
      ctx.io.err(`chmod: invalid mode: ‘${mode}’\nTry 'chmod --help' for more information.\n`);
      return 1;
    } else ctx.fs.chmod(abs(ctx, file), next);
  }
  return code;
};

/** Octal (`755`) or symbolic (`+x`, `u+x`, `go-w`, `a=r`) modes. */
export function applyMode(current: number, spec: string): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8) & 0o777;
  let mode = current;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([+=-])([rwx]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    const perm =
      (m[3]!.includes('r') ? 4 : 0) | (m[3]!.includes('w') ? 2 : 0) | (m[3]!.includes('x') ? 1 : 0);
    let mask = 0;
    if (who.includes('u') || who.includes('a')) mask |= perm << 6;
    if (who.includes('g') || who.includes('a')) mask |= perm << 3;
    if (who.includes('o') || who.includes('a')) mask |= perm;
    if (m[2] === '+') mode |= mask;
    else if (m[2] === '-') mode &= ~mask;
    else {
      const clear =
        (who.includes('u') || who.includes('a') ? 0o700 : 0) |
        (who.includes('g') || who.includes('a') ? 0o070 : 0) |
        (who.includes('o') || who.includes('a') ? 0o007 : 0);
      mode = (mode & ~clear) | mask;
    }
  }
  return mode & 0o777;
}
