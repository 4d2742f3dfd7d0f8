/**
 * Named volumes, as the local driver keeps them: each a directory the daemon owns
 * (`/var/lib/docker/volumes/NAME/_data`), made by `docker volume create` or on first use by
 * `-v NAME:/path`, kept until removed, whatever happens to the containers that used it. Each
 * volume's files are a file system of their own, under `/_data` as on the daemon's disk.
 */
import type { Clock, Rng } from '../host/clock.ts';
import { randomHex } from '../host/clock.ts';
import { Vfs } from '../host/vfs.ts';

export interface Volume {
  name: string;
  /** ms since the epoch */
  createdAt: number;
  /** made without a name (`docker volume create`): `volume prune` removes it without -a */
  anonymous: boolean;
  fs: Vfs;
}

/** Where a volume's files are in its own file system, and where the daemon shows them. */
export const VOLUME_DATA = '/_data';
export const volumeMountpoint = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

/**
 * Why the local driver cannot use `name`, in the daemon's words (lab, Engine 28.5), or null. Its
 * length is `docker volume create`'s own check: `-v x:/path` takes a one-character name.
 */
export function volumeNameRefused(name: string): string | null {
  return /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)
    ? null
    : `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
}

export class VolumeStore {
  private readonly volumes = new Map<string, Volume>();

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
  ) {}

  /** By name, as `docker volume ls` lists them. */
  all(): Volume[] {
    return [...this.volumes.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  get(name: string): Volume | null {
    return this.volumes.get(name) ?? null;
  }

  /** The volume of that name, made if there is none; a random 64-hex name when none is given. */
  ensure(name: string | null): Volume {
    const existing = name === null ? null : this.volumes.get(name);
    if (existing) return existing;
    const fs = new Vfs(this.clock);
    fs.mkdir(VOLUME_DATA);
    const volume: Volume = {
      name: name ?? randomHex(this.rng, 64),
      createdAt: this.clock.now(),
      anonymous: name === null,
      fs,
    };
    this.volumes.set(volume.name, volume);
    return volume;
  }

  delete(name: string): void {
    this.volumes.delete(name);
  }

  replaceAll(volumes: readonly Volume[]): void {
    this.volumes.clear();
    for (const v of volumes) this.volumes.set(v.name, v);
  }
}

/** The bytes of a volume's files, as `system df` and `volume prune` count them. */
export function volumeBytes(v: Volume): number {
  return v.fs
    .tree(VOLUME_DATA)
    .map((path) => v.fs.stat(path)!)
    .filter((node) => node.kind === 'file')
    .reduce((sum, node) => sum + new TextEncoder().encode(node.text).length, 0);
}
