/**
 * BuildKit's cache as the simulator keeps it: a record per step cache key (docker-semantics §1.8).
 * A key covers the parent's key and what the step does; never file mtimes.
 */
import type { Vfs } from '../../host/vfs.ts';
import { hashParts } from '../../host/sha256.ts';
import type { SentStats } from './context.ts';

export interface CacheRecord {
  diffId: string;
  size: number;
  fs: Vfs;
  packages: Set<string>;
  created: number;
  /** builds that used it, and when last (absent in sessions saved before they were kept) */
  usage?: number;
  lastUsed?: number;
}

/**
 * A record that holds no layer of its own: a local source BuildKit keeps between builds (the
 * build context, the Dockerfile and `.dockerignore` as last sent, one of each per directory: the
 * client's shared key, so the next build sends only what changed; mutable, referenced by no image,
 * what `docker builder prune` without `-a` frees), or a base image's snapshot (FROM, 0B: its
 * layers are the image store's). Scenarios 69 and 70.
 */
export interface ExtraRecord {
  type: 'source.local' | 'regular';
  id: string;
  /** the bytes of the files it holds */
  size: number;
  created: number;
  lastUsed: number;
  usage: number;
  /** a build context's files as last sent (context.ts transferBytes) */
  sent?: SentStats;
}

/** One record as `docker builder prune` and `docker system df -v` list it. */
export interface CacheUsage {
  id: string;
  type: 'source.local' | 'regular';
  size: number;
  created: number;
  lastUsed: number;
  usage: number;
  /** mutable: a local source (`*` after its ID) */
  mutable: boolean;
  /** its data is also an image's (a step's layer, a base image) */
  shared: boolean;
}

export class BuildCache {
  private readonly records = new Map<string, CacheRecord>();
  private readonly extras = new Map<string, ExtraRecord>();
  /** counts executions, so a re-run step gets a new layer digest as a real one does */
  private executions = 0;

  get(key: string): CacheRecord | undefined {
    return this.records.get(key);
  }

  store(key: string, record: Omit<CacheRecord, 'diffId'>): CacheRecord {
    const full = {
      ...record,
      diffId: `sha256:${hashParts('layer', key, ++this.executions)}`,
      usage: 1,
      lastUsed: record.created,
    };
    this.records.set(key, full);
    return full;
  }

  /** A build took this step from the cache. */
  reuse(record: CacheRecord, now: number): void {
    record.usage = (record.usage ?? 1) + 1;
    record.lastUsed = now;
  }

  /** The layers the cache's records hold (an image pruned keeps them on disk while they are here). */
  layers(): string[] {
    return [...this.records.values()].map((r) => r.diffId);
  }

  /** A build sent this local source (`key`: its kind and directory) again: same record, new content. */
  useSource(key: string, size: number, now: number, sent?: SentStats): void {
    this.useExtra(key, 'source.local', size, now);
    const record = this.extras.get(key);
    if (record && sent) record.sent = sent;
  }

  /** The files this local source was last sent, by their stat; none once pruned. */
  sentBefore(key: string): SentStats {
    return this.extras.get(key)?.sent ?? {};
  }

  /** A build started from this base image (`key`: its FROM key). */
  useBase(key: string, now: number): void {
    this.useExtra(key, 'regular', 0, now);
  }

  private useExtra(key: string, type: ExtraRecord['type'], size: number, now: number): void {
    const found = this.extras.get(key);
    if (found) Object.assign(found, { size, lastUsed: now, usage: found.usage + 1 });
    else
      this.extras.set(key, {
        type,
        id: cacheId(key, now),
        size,
        created: now,
        lastUsed: now,
        usage: 1,
      });
  }

  /**
   * Every record, the newest use first. `held`: the layers images hold; a step's record whose
   * layer no image holds any more (its image was deleted) is no longer shared.
   */
  usage(held: ReadonlySet<string>): CacheUsage[] {
    const extras = [...this.extras.values()].map((r) => ({
      ...r,
      mutable: r.type === 'source.local',
      shared: r.type === 'regular',
    }));
    const steps = [...this.records].map(([key, r]) => ({
      id: cacheId(key, r.created),
      type: 'regular' as const,
      size: r.size,
      created: r.created,
      lastUsed: r.lastUsed ?? r.created,
      usage: r.usage ?? 1,
      mutable: false,
      shared: held.has(r.diffId),
    }));
    return [...extras, ...steps].sort((a, b) => b.lastUsed - a.lastUsed);
  }

  /**
   * Frees what nothing refers to: the local sources and the steps whose layer no image holds
   * (content/outputs/dev-prune.txt: after `image prune`, a 116B COPY record went too); `all`:
   * every record. Returns what it freed.
   */
  prune(all: boolean, held: ReadonlySet<string>): CacheUsage[] {
    const freed = this.usage(held).filter((r) => all || !r.shared);
    for (const [key, r] of this.extras)
      if (all || r.type === 'source.local') this.extras.delete(key);
    for (const [key, r] of this.records) if (all || !held.has(r.diffId)) this.records.delete(key);
    return freed;
  }

  /** The records, the other records and the execution counter, for a saved session. */
  entries(): {
    records: [string, CacheRecord][];
    extras: [string, ExtraRecord][];
    executions: number;
  } {
    return { records: [...this.records], extras: [...this.extras], executions: this.executions };
  }

  replaceAll(
    records: [string, CacheRecord][],
    executions: number,
    extras: [string, ExtraRecord][] = [],
  ): void {
    this.records.clear();
    for (const [key, record] of records) this.records.set(key, record);
    this.extras.clear();
    for (const [key, record] of extras) this.extras.set(key, { ...record });
    this.executions = executions;
  }

  get size(): number {
    return this.records.size + this.extras.size;
  }
}

/** A record ID as BuildKit makes them (25 characters of base 36); derived, not random, so a replay repeats it. */
function cacheId(key: string, now: number): string {
  return BigInt(`0x${hashParts('source', key, String(now))}`)
    .toString(36)
    .slice(0, 25)
    .padStart(25, '0');
}

export const keys = {
  from: (imageId: string) => hashParts('from', imageId),
  workdir: (parent: string, path: string, user: string) => hashParts('workdir', parent, path, user),
  copy: (parent: string, sources: string[], dest: string, flags: string, checksum: string) =>
    hashParts('copy', parent, sources.join('\0'), dest, flags, checksum),
  run: (parent: string, argv: string[], env: string[], user: string, cwd: string) =>
    hashParts('run', parent, JSON.stringify(argv), [...env].sort().join('\0'), user, cwd),
};
