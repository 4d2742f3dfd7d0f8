/**
 * BuildKit's cache as the simulator keeps it: a record per step cache key (docker-semantics §1.8).
 * A key covers the parent's key and what the step does; never file mtimes.
 */
import type { Vfs } from '../../host/vfs.ts';
import { hashParts } from '../../host/sha256.ts';

export interface CacheRecord {
  diffId: string;
  size: number;
  fs: Vfs;
  packages: Set<string>;
  created: number;
}

export class BuildCache {
  private readonly records = new Map<string, CacheRecord>();
  /** counts executions, so a re-run step gets a new layer digest as a real one does */
  private executions = 0;

  get(key: string): CacheRecord | undefined {
    return this.records.get(key);
  }

  store(key: string, record: Omit<CacheRecord, 'diffId'>): CacheRecord {
    const full = { ...record, diffId: `sha256:${hashParts('layer', key, ++this.executions)}` };
    this.records.set(key, full);
    return full;
  }

  /** The layers the cache's records hold (an image pruned keeps them on disk while they are here). */
  layers(): string[] {
    return [...this.records.values()].map((r) => r.diffId);
  }

  prune(): number {
    const n = this.records.size;
    this.records.clear();
    return n;
  }

  /** The records and the execution counter, for a saved session. */
  entries(): { records: [string, CacheRecord][]; executions: number } {
    return { records: [...this.records], executions: this.executions };
  }

  replaceAll(records: [string, CacheRecord][], executions: number): void {
    this.records.clear();
    for (const [key, record] of records) this.records.set(key, record);
    this.executions = executions;
  }

  get size(): number {
    return this.records.size;
  }
}

export const keys = {
  from: (imageId: string) => hashParts('from', imageId),
  workdir: (parent: string, path: string, user: string) => hashParts('workdir', parent, path, user),
  copy: (parent: string, sources: string[], dest: string, flags: string, checksum: string) =>
    hashParts('copy', parent, sources.join('\0'), dest, flags, checksum),
  run: (parent: string, argv: string[], env: string[], user: string, cwd: string) =>
    hashParts('run', parent, JSON.stringify(argv), [...env].sort().join('\0'), user, cwd),
};
