/** The file commands of coreutils the course uses, with GNU's messages: cat, mkdir, touch, rm, mv, cp, chmod. */
import type { Command, CommandContext } from './types.ts';
import { baseName, dirname, resolvePath } from '../../text/index.ts';
import { describeError } from '../host/vfs.ts';
import { shortFlags as flags } from './ls.ts';
import { quote, tryHelp } from './messages.ts';

const abs = (ctx: CommandContext, p: string) => resolvePath(ctx.shell.cwd, p, ctx.shell.home);

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
    // With -p each missing level is made in turn, and a failure names the level that failed.
    const levels = set.has('p') ? prefixes(dir) : [dir];
    for (const level of levels) {
      if (set.has('p') && ctx.fs.stat(abs(ctx, level))?.kind === 'dir') continue;
      const error = ctx.fs.mkdir(abs(ctx, level));
      if (error) {
        ctx.io.err(
          `mkdir: cannot create directory ${quote(ctx, level)}: ${describeError(error)}\n`,
        );
        code = 1;
        break;
      }
    }
  }
  if (rest.length === 0) ctx.io.err(`mkdir: missing operand\n${tryHelp(ctx)}`);
  return rest.length ? code : 1;
};

/** `a/b/c` → `a`, `a/b`, `a/b/c` (a leading `/` kept). */
function prefixes(path: string): string[] {
  const parts = path.split('/');
  return parts
    .map((_, i) => parts.slice(0, i + 1).join('/'))
    .filter((p) => p !== '' && !p.endsWith('/'));
}

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
    } else {
      const error = ctx.fs.remove(path, { recursive: true });
      if (error) {
        ctx.io.err(`rm: cannot remove '${target}': ${describeError(error)}\n`);
        code = 1;
      }
    }
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
    const into = ctx.fs.stat(abs(ctx, target!))?.kind === 'dir';
    const error = ctx.fs.rename(abs(ctx, source), destination(ctx, source, target!));
    if (error) {
      const shown = into ? `${target!.replace(/\/+$/, '')}/${baseName(abs(ctx, source))}` : target;
      ctx.io.err(`mv: cannot move '${source}' to '${shown}': ${describeError(error)}\n`);
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
      `chmod: missing operand${mode ? ` after ${quote(ctx, mode)}` : ''}\n${tryHelp(ctx)}`,
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
      ctx.io.err(`chmod: invalid mode: ${quote(ctx, mode)}\n${tryHelp(ctx)}`);
      return 1;
    } else if (ctx.fs.chmod(abs(ctx, file), next)) {
      ctx.io.err(`chmod: changing permissions of '${file}': Operation not permitted\n`);
      code = 1;
    }
  }
  return code;
};

/** Octal (`755`) or symbolic (`+x`, `u+x`, `go-w`, `a=r`) modes. */
export function applyMode(current: number, spec: string): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8) & 0o7777;
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
  return mode & 0o7777;
}
