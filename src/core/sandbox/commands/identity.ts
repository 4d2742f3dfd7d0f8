/** Who a process is: `whoami` and `id`, by the machine's own /etc/passwd and /etc/group. */
import type { Command, CommandContext } from './types.ts';
import { ROOT } from '../host/vfs.ts';
import { groupById, readGroups, userById, userByName } from '../host/users.ts';
import { quote } from './messages.ts';

export const cred = (ctx: CommandContext) => ctx.shell.cred ?? ROOT;

export const whoami: Command = (ctx) => {
  const uid = cred(ctx).uid;
  const user = userById(ctx.fs, uid);
  if (!user) {
    ctx.io.err(`whoami: cannot find name for user ID ${uid}\n`);
    return 1;
  }
  ctx.io.out(`${user.name}\n`);
  return 0;
};

const named = (id: number, name: string | undefined) => (name ? `${id}(${name})` : String(id));

/** `id [-u|-g|-G] [-n] [USER]` */
export const id: Command = (ctx) => {
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of ctx.args) {
    if (/^-[ugGnr]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else names.push(a);
  }
  let uid: number;
  let gid: number;
  let groups: number[];
  if (names[0] !== undefined) {
    const user =
      userByName(ctx.fs, names[0]) ??
      (/^\d+$/.test(names[0]) ? userById(ctx.fs, Number(names[0])) : undefined);
    if (!user) {
      ctx.io.err(`id: ${quote(ctx, names[0])}: no such user\n`);
      return 1;
    }
    uid = user.uid;
    gid = user.gid;
    groups = [
      gid,
      ...readGroups(ctx.fs)
        .filter((g) => g.members.includes(user.name) && g.gid !== gid)
        .map((g) => g.gid),
    ];
  } else {
    ({ uid, gid } = cred(ctx));
    groups = [gid, ...cred(ctx).groups.filter((g) => g !== gid)];
  }
  const userName = userById(ctx.fs, uid)?.name;
  const groupName = (g: number) => groupById(ctx.fs, g)?.name;
  const n = flags.has('n');
  if (flags.has('u')) ctx.io.out(`${n ? (userName ?? uid) : uid}\n`);
  else if (flags.has('g')) ctx.io.out(`${n ? (groupName(gid) ?? gid) : gid}\n`);
  else if (flags.has('G'))
    ctx.io.out(`${groups.map((g) => (n ? (groupName(g) ?? g) : g)).join(' ')}\n`);
  else
    ctx.io.out(
      `uid=${named(uid, userName)} gid=${named(gid, groupName(gid))} groups=${groups.map((g) => named(g, groupName(g))).join(',')}\n`,
    );
  return 0;
};
