/**
 * The virtual file system: files with text, modes, owners and mtimes. Modes matter (chmod changes
 * the build cache key of a COPY); mtimes are kept and shown by `ls -l` but never hashed. Paths are
 * absolute and normalised by the caller (see paths.ts). Errors are returned, never thrown.
 *
 * `as(cred)` gives a view of the same files for one user: what it creates is theirs, and reads,
 * writes and listings are checked against the modes as the kernel does (root passes). Without a
 * view nothing is checked and new files belong to the file system's default owner (root in an
 * image, the learner on the laptop).
 */
import type { Clock } from './clock.ts';
import { baseName, dirname, normalizePath, relativeTo } from '../../text/index.ts';

export type FsError =
  'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL' | 'EACCES' | 'EPERM';

export interface FileNode {
  kind: 'file' | 'dir';
  /** permission bits, e.g. 0o644, with the sticky bit 0o1000 (`/tmp`) */
  mode: number;
  mtime: number;
  text: string;
  uid: number;
  gid: number;
}

export interface FsChange {
  path: string;
  kind: 'write' | 'remove' | 'mode' | 'mkdir';
}

/** A user and their groups, as the kernel checks them. */
export interface Cred {
  uid: number;
  gid: number;
  /** supplementary groups (the primary one may be among them) */
  groups: number[];
}

export const ROOT: Cred = { uid: 0, gid: 0, groups: [0] };

const message: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
};

export function describeError(error: FsError): string {
  return message[error];
}

/** r, w, x as the kernel's permission bits */
export type Access = 4 | 2 | 1;

interface Store {
  nodes: Map<string, FileNode>;
  listeners: Set<(change: FsChange) => void>;
  clock: Clock;
  owner: { uid: number; gid: number };
}

export class Vfs {
  private readonly store: Store;
  /** null: unchecked, new files go to the store's owner */
  private readonly cred: Cred | null;

  constructor(
    clock: Clock,
    owner: { uid: number; gid: number } = ROOT,
    view?: { store: Store; cred: Cred | null },
  ) {
    this.store = view?.store ?? { nodes: new Map(), listeners: new Set(), clock, owner };
    this.cred = view ? view.cred : null;
    if (!view) this.store.nodes.set('/', { ...this.node('dir', 0o755, ''), uid: 0, gid: 0 });
  }

  private get nodes(): Map<string, FileNode> {
    return this.store.nodes;
  }

  /** The same files, as `cred` sees and changes them. */
  as(cred: Cred | null | undefined): Vfs {
    return new Vfs(this.store.clock, this.store.owner, { store: this.store, cred: cred ?? null });
  }

  /** A copy sharing nothing mutable: an image's file system, a container's. */
  clone(): Vfs {
    const copy = new Vfs(this.store.clock, this.store.owner);
    for (const [path, node] of this.nodes) copy.nodes.set(path, { ...node });
    return copy.as(this.cred);
  }

  /** Every node by path, root first: what a saved workspace keeps (plain data, copies). */
  entries(): [string, FileNode][] {
    return [...this.nodes].map(([path, node]) => [path, { ...node }]);
  }

  /** The file system `entries()` gave, new files owned by `owner` as in the one saved. */
  static fromEntries(
    clock: Clock,
    entries: Iterable<[string, FileNode]>,
    owner: { uid: number; gid: number } = ROOT,
  ): Vfs {
    const fs = new Vfs(clock, owner);
    for (const [path, node] of entries) fs.nodes.set(path, { ...node });
    return fs;
  }

  onChange(listener: (change: FsChange) => void): () => void {
    this.store.listeners.add(listener);
    return () => this.store.listeners.delete(listener);
  }

  stat(path: string): FileNode | null {
    return this.nodes.get(normalizePath(path)) ?? null;
  }

  /** Whether this view's user may read (4), write (2) or execute/search (1) `path`. */
  access(path: string, want: Access): boolean {
    const node = this.stat(path);
    return !!node && this.reachable(normalizePath(path)) && this.allowed(node, want);
  }

  /** A file's text; null when it is missing, a directory or not readable (ask `readError` which). */
  read(path: string): string | null {
    const p = normalizePath(path);
    const node = this.nodes.get(p);
    if (node?.kind !== 'file' || !this.reachable(p) || !this.allowed(node, 4)) return null;
    return node.text;
  }

  /** Why `read` would fail: ENOENT, EISDIR or EACCES. */
  readError(path: string): FsError {
    const p = normalizePath(path);
    const node = this.nodes.get(p);
    if (!node) return this.reachable(dirname(p)) ? 'ENOENT' : 'EACCES';
    if (!this.reachable(p) || (node.kind === 'file' && !this.allowed(node, 4))) return 'EACCES';
    return node.kind === 'dir' ? 'EISDIR' : 'ENOENT';
  }

  write(
    path: string,
    text: string,
    options: { mode?: number; append?: boolean } = {},
  ): FsError | null {
    const p = normalizePath(path);
    const parent = this.nodes.get(dirname(p));
    if (!parent) return this.reachable(dirname(dirname(p))) ? 'ENOENT' : 'EACCES';
    if (parent.kind !== 'dir') return 'ENOTDIR';
    const existing = this.nodes.get(p);
    if (existing?.kind === 'dir') return 'EISDIR';
    if (!this.reachable(p)) return 'EACCES';
    if (existing ? !this.allowed(existing, 2) : !this.allowed(parent, 2)) return 'EACCES';
    const body = options.append && existing ? existing.text + text : text;
    const node = existing
      ? { ...existing, text: body, mtime: this.store.clock.now() }
      : this.node('file', 0o644, body);
    if (options.mode !== undefined) node.mode = options.mode;
    this.nodes.set(p, node);
    this.emit({ path: p, kind: 'write' });
    return null;
  }

  mkdir(path: string, options: { parents?: boolean; mode?: number } = {}): FsError | null {
    const p = normalizePath(path);
    const existing = this.nodes.get(p);
    if (existing) return options.parents && existing.kind === 'dir' ? null : 'EEXIST';
    const parent = this.nodes.get(dirname(p));
    if (!parent) {
      if (!options.parents) return this.reachable(dirname(dirname(p))) ? 'ENOENT' : 'EACCES';
      const error = this.mkdir(dirname(p), { parents: true });
      if (error) return error;
      return this.mkdir(p, options);
    }
    if (parent.kind !== 'dir') return 'ENOTDIR';
    if (!this.reachable(p) || !this.allowed(parent, 2)) return 'EACCES';
    this.nodes.set(p, this.node('dir', options.mode ?? 0o755, ''));
    this.emit({ path: p, kind: 'mkdir' });
    return null;
  }

  /** Names directly inside a directory, sorted as `ls` sorts them (C locale). */
  list(path: string): string[] | FsError {
    const p = normalizePath(path);
    const node = this.nodes.get(p);
    if (!node) return 'ENOENT';
    if (node.kind !== 'dir') return 'ENOTDIR';
    if (!this.reachable(p) || !this.allowed(node, 4)) return 'EACCES';
    const names: string[] = [];
    for (const key of this.nodes.keys()) {
      if (key !== p && dirname(key) === p) names.push(baseName(key));
    }
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Every file below `root`, as paths relative to it, sorted. */
  walk(root: string): string[] {
    const r = normalizePath(root);
    const out: string[] = [];
    for (const [key, node] of this.nodes) {
      const rel = relativeTo(r, key);
      if (rel && node.kind === 'file') out.push(rel);
    }
    return out.sort();
  }

  /** Every path below `root` (directories too), sorted so a parent comes before its children. */
  tree(root: string): string[] {
    const r = normalizePath(root);
    return [...this.nodes.keys()].filter((k) => k === r || relativeTo(r, k)).sort();
  }

  remove(path: string, options: { recursive?: boolean } = {}): FsError | null {
    const p = normalizePath(path);
    const node = this.nodes.get(p);
    if (!node || p === '/') return node ? 'EINVAL' : 'ENOENT';
    const children = [...this.nodes.keys()].filter((k) => relativeTo(p, k));
    if (node.kind === 'dir' && children.length > 0 && !options.recursive) return 'ENOTEMPTY';
    if (!this.reachable(p) || !this.allowed(this.nodes.get(dirname(p))!, 2)) return 'EACCES';
    for (const k of children) this.nodes.delete(k);
    this.nodes.delete(p);
    this.emit({ path: p, kind: 'remove' });
    return null;
  }

  /** Moves a file or a whole tree; the target's parent must exist. */
  rename(from: string, to: string): FsError | null {
    const src = normalizePath(from);
    const dst = normalizePath(to);
    const node = this.nodes.get(src);
    if (!node) return 'ENOENT';
    const target = this.nodes.get(dirname(dst));
    if (!target) return 'ENOENT';
    if (relativeTo(src, dst)) return 'EINVAL';
    if (!this.allowed(this.nodes.get(dirname(src))!, 2) || !this.allowed(target, 2))
      return 'EACCES';
    const moved = [...this.nodes.entries()].filter(([k]) => k === src || relativeTo(src, k));
    for (const [k] of moved) this.nodes.delete(k);
    for (const [k, n] of moved) this.nodes.set(dst + k.slice(src.length), n);
    this.emit({ path: src, kind: 'remove' });
    this.emit({ path: dst, kind: 'write' });
    return null;
  }

  /** Only the owner (or root) may change a mode. */
  chmod(path: string, mode: number): FsError | null {
    const node = this.nodes.get(normalizePath(path));
    if (!node) return 'ENOENT';
    if (this.cred && this.cred.uid !== 0 && this.cred.uid !== node.uid) return 'EPERM';
    node.mode = mode;
    this.emit({ path: normalizePath(path), kind: 'mode' });
    return null;
  }

  /** Only root may give a file away; the owner may change its group to one of theirs. */
  chown(path: string, uid: number | null, gid: number | null): FsError | null {
    const node = this.nodes.get(normalizePath(path));
    if (!node) return 'ENOENT';
    const c = this.cred;
    if (c && c.uid !== 0) {
      const ownGroup = gid === null || c.gid === gid || c.groups.includes(gid);
      if (c.uid !== node.uid || (uid !== null && uid !== node.uid) || !ownGroup) return 'EPERM';
    }
    if (uid !== null) node.uid = uid;
    if (gid !== null) node.gid = gid;
    this.emit({ path: normalizePath(path), kind: 'mode' });
    return null;
  }

  /** Updates the mtime only (creating an empty file when missing), as `touch` does. */
  touch(path: string): FsError | null {
    const node = this.nodes.get(normalizePath(path));
    if (!node) return this.write(path, '');
    if (this.cred && this.cred.uid !== 0 && this.cred.uid !== node.uid && !this.allowed(node, 2))
      return 'EACCES';
    node.mtime = this.store.clock.now();
    return null;
  }

  private node(kind: FileNode['kind'], mode: number, text: string): FileNode {
    const owner = this.cred ?? this.store.owner;
    return { kind, mode, mtime: this.store.clock.now(), text, uid: owner.uid, gid: owner.gid };
  }

  /** Root passes, except that a file needs some execute bit to be run. */
  private allowed(node: FileNode, want: Access): boolean {
    const c = this.cred;
    if (!c || c.uid === 0) return want !== 1 || node.kind === 'dir' || (node.mode & 0o111) !== 0;
    const shift =
      c.uid === node.uid ? 6 : c.gid === node.gid || c.groups.includes(node.gid) ? 3 : 0;
    return ((node.mode >> shift) & want) !== 0;
  }

  /** Every directory above `path` can be searched. */
  private reachable(path: string): boolean {
    if (!this.cred || this.cred.uid === 0) return true;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const node = this.nodes.get(dir);
      if (node && !this.allowed(node, 1)) return false;
      if (dir === '/' || dir === '.') return true;
    }
  }

  private emit(change: FsChange): void {
    for (const listener of this.store.listeners) listener(change);
  }
}
