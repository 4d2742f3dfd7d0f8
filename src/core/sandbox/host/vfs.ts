/**
 * The virtual file system: files with text, modes and mtimes. Modes matter (chmod changes the
 * build cache key of a COPY); mtimes are kept and shown by `ls -l` but never hashed. Paths are
 * absolute and normalised by the caller (see paths.ts). Errors are returned, never thrown.
 */
import type { Clock } from './clock.ts';
import { baseName, dirname, normalizePath, relativeTo } from '../../text/index.ts';

export type FsError = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL';

export interface FileNode {
  kind: 'file' | 'dir';
  /** permission bits, e.g. 0o644 */
  mode: number;
  mtime: number;
  text: string;
}

export interface FsChange {
  path: string;
  kind: 'write' | 'remove' | 'mode' | 'mkdir';
}

const message: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

export function describeError(error: FsError): string {
  return message[error];
}

export class Vfs {
  private readonly nodes = new Map<string, FileNode>();
  private readonly listeners = new Set<(change: FsChange) => void>();

  constructor(private readonly clock: Clock) {
    this.nodes.set('/', { kind: 'dir', mode: 0o755, mtime: clock.now(), text: '' });
  }

  /** A copy sharing nothing mutable: an image's file system, a container's. */
  clone(): Vfs {
    const copy = new Vfs(this.clock);
    for (const [path, node] of this.nodes) copy.nodes.set(path, { ...node });
    return copy;
  }

  onChange(listener: (change: FsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stat(path: string): FileNode | null {
    return this.nodes.get(normalizePath(path)) ?? null;
  }

  /** A file's text; null when it is missing or a directory (ask `stat` which). */
  read(path: string): string | null {
    const node = this.nodes.get(normalizePath(path));
    return node?.kind === 'file' ? node.text : null;
  }

  /** Why `read` would fail: ENOENT or EISDIR. */
  readError(path: string): FsError {
    return this.stat(path)?.kind === 'dir' ? 'EISDIR' : 'ENOENT';
  }

  write(
    path: string,
    text: string,
    options: { mode?: number; append?: boolean } = {},
  ): FsError | null {
    const p = normalizePath(path);
    const parent = this.nodes.get(dirname(p));
    if (!parent) return 'ENOENT';
    if (parent.kind !== 'dir') return 'ENOTDIR';
    const existing = this.nodes.get(p);
    if (existing?.kind === 'dir') return 'EISDIR';
    const body = options.append && existing ? existing.text + text : text;
    this.nodes.set(p, {
      kind: 'file',
      mode: options.mode ?? existing?.mode ?? 0o644,
      mtime: this.clock.now(),
      text: body,
    });
    this.emit({ path: p, kind: 'write' });
    return null;
  }

  mkdir(path: string, options: { parents?: boolean } = {}): FsError | null {
    const p = normalizePath(path);
    const existing = this.nodes.get(p);
    if (existing) return options.parents && existing.kind === 'dir' ? null : 'EEXIST';
    const parent = this.nodes.get(dirname(p));
    if (!parent) {
      if (!options.parents) return 'ENOENT';
      const error = this.mkdir(dirname(p), options);
      if (error) return error;
    } else if (parent.kind !== 'dir') return 'ENOTDIR';
    this.nodes.set(p, { kind: 'dir', mode: 0o755, mtime: this.clock.now(), text: '' });
    this.emit({ path: p, kind: 'mkdir' });
    return null;
  }

  /** Names directly inside a directory, sorted as `ls` sorts them (C locale). */
  list(path: string): string[] | FsError {
    const p = normalizePath(path);
    const node = this.nodes.get(p);
    if (!node) return 'ENOENT';
    if (node.kind !== 'dir') return 'ENOTDIR';
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

  remove(path: string, options: { recursive?: boolean } = {}): FsError | null {
    const p = normalizePath(path);
    const node = this.nodes.get(p);
    if (!node || p === '/') return node ? 'EINVAL' : 'ENOENT';
    const children = [...this.nodes.keys()].filter((k) => relativeTo(p, k));
    if (node.kind === 'dir' && children.length > 0 && !options.recursive) return 'ENOTEMPTY';
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
    if (!this.nodes.has(dirname(dst))) return 'ENOENT';
    if (relativeTo(src, dst)) return 'EINVAL';
    const moved = [...this.nodes.entries()].filter(([k]) => k === src || relativeTo(src, k));
    for (const [k] of moved) this.nodes.delete(k);
    for (const [k, n] of moved) this.nodes.set(dst + k.slice(src.length), n);
    this.emit({ path: src, kind: 'remove' });
    this.emit({ path: dst, kind: 'write' });
    return null;
  }

  chmod(path: string, mode: number): FsError | null {
    const node = this.nodes.get(normalizePath(path));
    if (!node) return 'ENOENT';
    node.mode = mode;
    this.emit({ path: normalizePath(path), kind: 'mode' });
    return null;
  }

  /** Updates the mtime only (creating an empty file when missing), as `touch` does. */
  touch(path: string): FsError | null {
    const node = this.nodes.get(normalizePath(path));
    if (!node) return this.write(path, '');
    node.mtime = this.clock.now();
    return null;
  }

  private emit(change: FsChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
