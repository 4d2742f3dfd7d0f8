/**
 * Users and groups as `/etc/passwd` and `/etc/group` hold them, read from and written to the
 * machine's own file system (so `useradd` in a RUN step really changes what `id` says later), and
 * the user a process runs as, from Docker's `USER`/`--user` text (`app`, `10001`, `app:users`).
 */
import type { Cred, Vfs } from './vfs.ts';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  gecos: string;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

export const PASSWD = '/etc/passwd';
export const GROUP = '/etc/group';

export function readPasswd(fs: Vfs): PasswdEntry[] {
  return lines(fs.as(null).read(PASSWD)).flatMap((line) => {
    const f = line.split(':');
    if (f.length < 7 || !/^\d+$/.test(f[2]!) || !/^\d+$/.test(f[3]!)) return [];
    return [
      {
        name: f[0]!,
        uid: Number(f[2]),
        gid: Number(f[3]),
        gecos: f[4]!,
        home: f[5]!,
        shell: f[6]!,
      },
    ];
  });
}

export function readGroups(fs: Vfs): GroupEntry[] {
  return lines(fs.as(null).read(GROUP)).flatMap((line) => {
    const f = line.split(':');
    if (f.length < 4 || !/^\d+$/.test(f[2]!)) return [];
    return [{ name: f[0]!, gid: Number(f[2]), members: f[3] ? f[3].split(',') : [] }];
  });
}

function lines(text: string | null): string[] {
  return (text ?? '').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

export function userByName(fs: Vfs, name: string): PasswdEntry | undefined {
  return readPasswd(fs).find((u) => u.name === name);
}

export function userById(fs: Vfs, uid: number): PasswdEntry | undefined {
  return readPasswd(fs).find((u) => u.uid === uid);
}

export function groupByName(fs: Vfs, name: string): GroupEntry | undefined {
  return readGroups(fs).find((g) => g.name === name);
}

export function groupById(fs: Vfs, gid: number): GroupEntry | undefined {
  return readGroups(fs).find((g) => g.gid === gid);
}

/** A user name or number, or a group's, as `chown` and `useradd -g` read it. */
export function userId(fs: Vfs, text: string): number | undefined {
  return userByName(fs, text)?.uid ?? (/^\d+$/.test(text) ? Number(text) : undefined);
}
export function groupId(fs: Vfs, text: string): number | undefined {
  return groupByName(fs, text)?.gid ?? (/^\d+$/.test(text) ? Number(text) : undefined);
}

/** The groups a user is a member of besides their primary one, by /etc/group. */
export function supplementaryGroups(fs: Vfs, name: string): number[] {
  return readGroups(fs)
    .filter((g) => g.members.includes(name))
    .map((g) => g.gid);
}

export interface Identity {
  cred: Cred;
  /** `$HOME` as Docker sets it: the passwd entry's home, else `/` */
  home: string;
}

/**
 * Docker's user text resolved in a container's file system: a name must exist in /etc/passwd,
 * a number need not; `:group` sets the primary group and drops the others. The error is the
 * daemon's wording (docker run / exec / a RUN step after USER).
 */
export function resolveUser(fs: Vfs, spec: string): Identity | { error: string } {
  if (spec === '') return { cred: { uid: 0, gid: 0, groups: [0] }, home: '/root' };
  const [userText = '', groupText] = spec.split(':');
  const entry = /^\d+$/.test(userText) ? userById(fs, Number(userText)) : userByName(fs, userText);
  if (!entry && !/^\d+$/.test(userText))
    return { error: `unable to find user ${userText}: no matching entries in passwd file` };
  const uid = entry?.uid ?? Number(userText);
  let gid = entry?.gid ?? 0;
  let groups = entry ? [...new Set([gid, ...supplementaryGroups(fs, entry.name)])] : [gid];
  if (groupText !== undefined) {
    const g = groupId(fs, groupText);
    if (g === undefined)
      return { error: `unable to find group ${groupText}: no matching entries in group file` };
    gid = g;
    groups = [g];
  }
  return { cred: { uid, gid, groups }, home: entry?.home ?? '/' };
}

/** Adds a line to /etc/passwd or /etc/group. */
export function appendEntry(fs: Vfs, file: string, line: string): void {
  const raw = fs.as(null);
  const text = raw.read(file) ?? '';
  raw.write(file, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
}

/** Rewrites a group's member list (`useradd -G`). */
export function addMember(fs: Vfs, gid: number, user: string): void {
  const raw = fs.as(null);
  const text = raw.read(GROUP) ?? '';
  raw.write(
    GROUP,
    text
      .split('\n')
      .map((line) => {
        const f = line.split(':');
        if (f.length < 4 || Number(f[2]) !== gid) return line;
        const members = f[3] ? f[3].split(',') : [];
        if (!members.includes(user)) members.push(user);
        return [...f.slice(0, 3), members.join(','), ...f.slice(4)].join(':');
      })
      .join('\n'),
  );
}
