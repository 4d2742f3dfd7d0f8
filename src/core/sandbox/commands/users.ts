/**
 * The tools a Dockerfile uses to change who runs what: useradd, groupadd (Debian's shadow, as in
 * python:3.14-slim) and chown. They read and edit the machine's own
 * /etc/passwd and /etc/group, so a `RUN useradd` is seen by every later step and container.
 * Wording and exit codes: tests/fixtures/sandbox/real/shell/image-tools.json.
 */
import type { Command, CommandContext } from './types.ts';
import {
  GROUP,
  PASSWD,
  addMember,
  appendEntry,
  groupById,
  groupByName,
  groupId,
  readGroups,
  readPasswd,
  userById,
  userByName,
  userId,
} from '../host/users.ts';
import { quote, tryHelp } from './messages.ts';
import { GROUPADD_USAGE, SKEL, USERADD_USAGE } from './users-data.ts';
import { resolvePath } from '../../text/index.ts';

import { cred } from './identity.ts';

/** Reads getopt-style options: `-m`, `-u 10001`, `-u10001`, `--uid=10001`, `--uid 10001`, `-rm`. */
function options(
  args: string[],
  takesValue: Record<string, string>,
  long: Record<string, string>,
): { set: Map<string, string>; rest: string[] } | { unknown: string } {
  const set = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const [name, value] = a.slice(2).split(/=(.*)/s);
      const short = long[name!];
      if (!short) return { unknown: a };
      set.set(short, short in takesValue ? (value ?? args[++i] ?? '') : '');
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k]!;
        if (!(f in takesValue) && !Object.values(long).includes(f)) return { unknown: `-${f}` };
        if (f in takesValue) {
          set.set(f, a.slice(k + 1) || (args[++i] ?? ''));
          break;
        }
        set.set(f, '');
      }
    } else rest.push(a);
  }
  return { set, rest };
}

const USERADD_VALUES = {
  u: 'uid',
  g: 'gid',
  G: 'groups',
  s: 'shell',
  d: 'home-dir',
  c: 'comment',
  k: 'skel',
  p: 'password',
  e: 'expiredate',
  f: 'inactive',
  K: 'key',
  b: 'base-dir',
};
const USERADD_LONG: Record<string, string> = {
  'create-home': 'm',
  'no-create-home': 'M',
  uid: 'u',
  gid: 'g',
  groups: 'G',
  shell: 's',
  'home-dir': 'd',
  system: 'r',
  comment: 'c',
  'no-user-group': 'N',
  'user-group': 'U',
  'non-unique': 'o',
  'no-log-init': 'l',
  skel: 'k',
  password: 'p',
  expiredate: 'e',
  inactive: 'f',
  key: 'K',
  'base-dir': 'b',
};

/** Debian's name rule: no blanks, `:`, `,` or `/`, not all digits, no leading `-`, `+` or `~`. */
function validName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    name !== '..' &&
    !/[\s:,/]/.test(name) &&
    !/^[-+~]/.test(name) &&
    !/^\d+$/.test(name)
  );
}

/** The first free id counting up from `min` past the highest used, or down from `max` for system accounts. */
function freeId(used: number[], system: boolean): number {
  if (system) {
    for (let id = 999; id >= 100; id--) if (!used.includes(id)) return id;
    return 999;
  }
  const regular = used.filter((id) => id >= 1000 && id <= 60000);
  return regular.length ? Math.max(...regular) + 1 : 1000;
}

/**
 * The start every shadow tool shares: options read, one name given (else the usage, exit 2), and
 * root only (else the lock on the file it edits fails, with the tool's own exit code).
 */
function startTool(
  ctx: CommandContext,
  tool: {
    name: string;
    values: Record<string, string>;
    long: Record<string, string>;
    usage: string;
    file: string;
    lockCode: number;
  },
): { set: Map<string, string>; name: string } | number {
  const parsed = options(ctx.args, tool.values, tool.long);
  if ('unknown' in parsed || parsed.rest.length !== 1) {
    if ('unknown' in parsed) ctx.io.err(`${tool.name}: unrecognized option '${parsed.unknown}'\n`);
    ctx.io.err(tool.usage);
    return 2;
  }
  if (cred(ctx).uid !== 0) {
    ctx.io.err(
      `${tool.name}: Permission denied.\n${tool.name}: cannot lock ${tool.file}; try again later.\n`,
    );
    return tool.lockCode;
  }
  return { set: parsed.set, name: parsed.rest[0]! };
}

export const useradd: Command = (ctx) => {
  const started = startTool(ctx, {
    name: 'useradd',
    values: USERADD_VALUES,
    long: USERADD_LONG,
    usage: USERADD_USAGE,
    file: PASSWD,
    lockCode: 1,
  });
  if (typeof started === 'number') return started;
  const { set, name } = started;
  const fail = (message: string, code: number) => {
    ctx.io.err(`useradd: ${message}\n`);
    return code;
  };
  if (!validName(name)) return fail(`invalid user name '${name}'`, 19);
  const users = readPasswd(ctx.fs);
  if (users.some((u) => u.name === name)) return fail(`user '${name}' already exists`, 9);
  const system = set.has('r');
  let uid: number;
  if (set.has('u')) {
    const text = set.get('u')!;
    if (!/^\d+$/.test(text)) return fail(`invalid user ID '${text}'`, 3);
    uid = Number(text);
    if (!set.has('o') && users.some((u) => u.uid === uid))
      return fail(`UID ${uid} is not unique`, 4);
  } else
    uid = freeId(
      users.map((u) => u.uid),
      system,
    );
  let gid: number;
  let ownGroup = false;
  if (set.has('g')) {
    const g = groupId(ctx.fs, set.get('g')!);
    if (g === undefined || (!groupByName(ctx.fs, set.get('g')!) && !groupById(ctx.fs, g)))
      return fail(`group '${set.get('g')}' does not exist`, 6);
    gid = g;
  } else if (set.has('N')) gid = 100;
  else {
    if (groupByName(ctx.fs, name))
      return fail(`group ${name} exists - if you want to add this user to that group, use -g.`, 9);
    const used = readGroups(ctx.fs).map((g) => g.gid);
    gid = used.includes(uid) ? freeId(used, system) : uid;
    ownGroup = true;
  }
  const extra: number[] = [];
  for (const g of (set.get('G') ?? '').split(',').filter(Boolean)) {
    const found =
      groupByName(ctx.fs, g) ?? (/^\d+$/.test(g) ? groupById(ctx.fs, Number(g)) : undefined);
    if (!found) return fail(`group '${g}' does not exist`, 6);
    extra.push(found.gid);
  }
  const home = set.get('d') ?? `${set.get('b') ?? '/home'}/${name}`;
  const shell = set.get('s') || '/bin/sh';
  if (ownGroup) appendEntry(ctx.fs, GROUP, `${name}:x:${gid}:`);
  for (const g of extra) addMember(ctx.fs, g, name);
  appendEntry(ctx.fs, PASSWD, `${name}:x:${uid}:${gid}:${set.get('c') ?? ''}:${home}:${shell}`);
  const days = Math.floor(ctx.host.clock.now() / 86_400_000);
  if (ctx.fs.stat('/etc/shadow'))
    appendEntry(ctx.fs, '/etc/shadow', `${name}:!:${days}:0:99999:7:::`);
  if (set.has('m') && !set.has('M')) createHome(ctx, home, uid, gid);
  return 0;
};

/** `-m`: the home directory, mode 0700 (Debian's HOME_MODE), with /etc/skel's files, all theirs. */
function createHome(ctx: CommandContext, home: string, uid: number, gid: number): void {
  const fs = ctx.fs.as(null);
  if (fs.stat(home)) {
    ctx.io.err(
      `useradd: warning: the home directory ${home} already exists.\nuseradd: Not copying any file from skel directory into it.\n`,
    );
    return;
  }
  fs.mkdir(resolvePath('/', home), { parents: true, mode: 0o700 });
  fs.chown(home, uid, gid);
  for (const [file, text] of Object.entries(SKEL)) {
    fs.write(`${home}/${file}`, text, { mode: 0o644 });
    fs.chown(`${home}/${file}`, uid, gid);
  }
}

export const groupadd: Command = (ctx) => {
  const started = startTool(ctx, {
    name: 'groupadd',
    values: { g: 'gid', K: 'key', p: 'password', U: 'users' },
    long: {
      gid: 'g',
      system: 'r',
      force: 'f',
      'non-unique': 'o',
      key: 'K',
      password: 'p',
      users: 'U',
    },
    usage: GROUPADD_USAGE,
    file: GROUP,
    lockCode: 10,
  });
  if (typeof started === 'number') return started;
  const { set, name } = started;
  const groups = readGroups(ctx.fs);
  if (groups.some((g) => g.name === name)) {
    if (set.has('f')) return 0;
    ctx.io.err(`groupadd: group '${name}' already exists\n`);
    return 9;
  }
  if (!validName(name)) {
    ctx.io.err(`groupadd: '${name}' is not a valid group name\n`);
    return 3;
  }
  let gid: number;
  if (set.has('g')) {
    const text = set.get('g')!;
    if (!/^\d+$/.test(text)) {
      ctx.io.err(`groupadd: invalid group ID '${text}'\n`);
      return 3;
    }
    gid = Number(text);
    if (!set.has('o') && groups.some((g) => g.gid === gid)) {
      if (!set.has('f')) {
        ctx.io.err(`groupadd: GID '${gid}' already exists\n`);
        return 4;
      }
      gid = freeId(
        groups.map((g) => g.gid),
        set.has('r'),
      );
    }
  } else
    gid = freeId(
      groups.map((g) => g.gid),
      set.has('r'),
    );
  appendEntry(ctx.fs, GROUP, `${name}:x:${gid}:`);
  return 0;
};

/** `chown [-R] OWNER[:[GROUP]] FILE…` and `chown :GROUP FILE…` */
export const chown: Command = (ctx) => {
  const recursive = ctx.args.some((a) => /^-[a-zA-Z]*R/.test(a) || a === '--recursive');
  const [spec, ...files] = ctx.args.filter((a) => !a.startsWith('-'));
  if (spec === undefined || files.length === 0) {
    ctx.io.err(
      `chown: missing operand${spec === undefined ? '' : ` after ${quote(ctx, spec)}`}\n${tryHelp(ctx)}`,
    );
    return 1;
  }
  const colon = spec.indexOf(':');
  const userText = colon < 0 ? spec : spec.slice(0, colon);
  const groupText = colon < 0 ? '' : spec.slice(colon + 1);
  let uid: number | null = null;
  let gid: number | null = null;
  if (userText) {
    uid = userId(ctx.fs, userText) ?? null;
    if (uid === null) {
      ctx.io.err(`chown: invalid user: ${quote(ctx, spec)}\n`);
      return 1;
    }
  }
  if (groupText) {
    gid = groupId(ctx.fs, groupText) ?? null;
    if (gid === null) {
      ctx.io.err(`chown: invalid group: ${quote(ctx, spec)}\n`);
      return 1;
    }
  } else if (colon >= 0 && userText)
    gid = userByName(ctx.fs, userText)?.gid ?? userById(ctx.fs, uid!)?.gid ?? null;
  let code = 0;
  for (const file of files) {
    const path = resolvePath(ctx.shell.cwd, file, ctx.shell.home);
    if (!ctx.fs.stat(path)) {
      ctx.io.err(`chown: cannot access '${file}': No such file or directory\n`);
      code = 1;
      continue;
    }
    for (const p of recursive ? ctx.fs.tree(path) : [path]) {
      if (ctx.fs.chown(p, uid, gid)) {
        const shown = p === path ? file : `${file.replace(/\/+$/, '')}${p.slice(path.length)}`;
        ctx.io.err(`chown: changing ownership of '${shown}': Operation not permitted\n`);
        code = 1;
      }
    }
  }
  return code;
};
