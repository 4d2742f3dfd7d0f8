/**
 * GNU `ls` for the flags people type: `-a`, `-A`, `-l`, `-n`, `-d`, `-1` and their mixes. `-l`
 * shows modes (with the sticky `t` of /tmp), link counts, owners and groups by name from the
 * machine's /etc/passwd and /etc/group, sizes and mtimes, columns aligned as GNU aligns them.
 */
import type { Command, CommandContext } from './types.ts';
import type { FileNode } from '../host/vfs.ts';
import { dirname, resolvePath } from '../../text/index.ts';
import { groupById, userById } from '../host/users.ts';
import { style } from '../text/ansi.ts';
import { byteLength } from '../text/bytes.ts';

const abs = (ctx: CommandContext, p: string) => resolvePath(ctx.shell.cwd, p, ctx.shell.home);

/** Splits `-la` style flags from operands; long options such as --color change nothing here. */
export function shortFlags(args: string[]): { set: Set<string>; rest: string[] } {
  const set = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (a.startsWith('--')) continue;
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a))
      for (const c of a.slice(1)) set.add(c);
    else rest.push(a);
  }
  return { set, rest };
}

export function modeString(node: FileNode): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => (node.mode & (1 << (8 - i)) ? c : '-'))
    .join('');
  const sticky = node.mode & 0o1000 ? (bits.endsWith('x') ? 't' : 'T') : bits.slice(-1);
  return (node.kind === 'dir' ? 'd' : '-') + bits.slice(0, -1) + sticky;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function lsDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export const ls: Command = (ctx) => {
  const { set, rest } = shortFlags(ctx.args);
  if (set.has('n')) set.add('l');
  const targets = rest.length ? rest : ['.'];
  let code = 0;
  const fileNames: string[] = [];
  const dirs: string[] = [];
  for (const target of targets) {
    const node = ctx.fs.stat(abs(ctx, target));
    if (!node) {
      ctx.io.err(`ls: cannot access '${target}': No such file or directory\n`);
      code = 2;
    } else (node.kind === 'dir' && !set.has('d') ? dirs : fileNames).push(target);
  }
  // As GNU ls: file operands first, together; then each directory, titled when there are several.
  const blocks: string[] = [];
  if (fileNames.length)
    blocks.push(
      listing(
        ctx,
        set,
        fileNames.sort().map((n) => [n, abs(ctx, n)]),
        false,
      ),
    );
  for (const dir of dirs.sort()) {
    const path = abs(ctx, dir);
    const listed = ctx.fs.list(path);
    if (typeof listed === 'string') {
      ctx.io.err(`ls: cannot open directory '${dir}': Permission denied\n`);
      code = 2;
      continue;
    }
    const names = set.has('a')
      ? ['.', '..', ...listed]
      : set.has('A')
        ? listed
        : listed.filter((n) => !n.startsWith('.'));
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

/** A directory's link count: itself, its entry in the parent, and each subdirectory's `..`. */
function links(ctx: CommandContext, path: string, node: FileNode): number {
  if (node.kind !== 'dir') return 1;
  const names = ctx.fs.as(null).list(path);
  const subdirs = Array.isArray(names)
    ? names.filter((n) => ctx.fs.stat(`${path === '/' ? '' : path}/${n}`)?.kind === 'dir').length
    : 0;
  return 2 + subdirs;
}

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
    const owner = set.has('n')
      ? String(node.uid)
      : (userById(ctx.fs, node.uid)?.name ?? String(node.uid));
    const group = set.has('n')
      ? String(node.gid)
      : (groupById(ctx.fs, node.gid)?.name ?? String(node.gid));
    return { node, size, shown, owner, group, links: String(links(ctx, path, node)) };
  });
  if (!set.has('l'))
    return rows.map((r) => r.shown).join(ctx.io.tty && !set.has('1') ? '  ' : '\n');
  const width = (pick: (r: (typeof rows)[number]) => string) =>
    Math.max(1, ...rows.map((r) => pick(r).length));
  const w = {
    links: width((r) => r.links),
    owner: width((r) => r.owner),
    group: width((r) => r.group),
    size: width((r) => String(r.size)),
  };
  const total = rows.reduce((t, r) => t + Math.ceil(r.size / 4096) * 4, 0);
  const lines = rows.map(
    (r) =>
      `${modeString(r.node)} ${r.links.padStart(w.links)} ${r.owner.padEnd(w.owner)} ${r.group.padEnd(w.group)} ${String(r.size).padStart(w.size)} ${lsDate(r.node.mtime)} ${r.shown}`,
  );
  return [...(isDir ? [`total ${total}`] : []), ...lines].join('\n');
}
