/**
 * What the engine keeps across a saved workspace session (issue 10 item 4): images, the build
 * cache, containers and the counters that make the next IDs and ports, as plain data. File
 * systems stay `Vfs` (the workspace's state format serialises them, sharing texts); sets become
 * arrays. What only lives while the page runs (the app, port listeners, followers) is left out:
 * `DockerEngine.load` starts again the containers that were running, as a daemon restart does.
 */
import type { Vfs } from '../host/vfs.ts';
import type { Image } from './images.ts';
import type { CacheRecord, ExtraRecord } from './build/cache.ts';
import type { Container } from './containers.ts';
import type { Volume } from './volumes.ts';
import type { EngineNetwork } from './networks.ts';

export type ImageState = Omit<Image, 'packages'> & { packages: string[] };
export type CacheRecordState = Omit<CacheRecord, 'packages'> & { packages: string[] };
/** A container's record without what exists only while it runs. */
export type ContainerState = Omit<
  Container,
  'app' | 'release' | 'followers' | 'exitWaiters' | 'unmount' | 'script' | 'tty' | 'openStdin'
> &
  /** absent in sessions saved before -t and -i were kept */
  Partial<Pick<Container, 'tty' | 'openStdin'>>;

export interface EngineState {
  images: ImageState[];
  cache: {
    records: [string, CacheRecordState][];
    executions: number;
    /** the local sources and base records (absent in sessions saved before they were kept) */
    extras?: [string, ExtraRecord][];
  };
  containers: ContainerState[];
  /** named volumes (absent in sessions saved before they were simulated) */
  volumes?: Volume[];
  /** user-defined networks (absent in sessions saved before Compose was simulated; names only before they had IDs) */
  networks?: (string | EngineNetwork)[];
  /** bridge, host and none (absent in sessions saved before `docker network` was simulated) */
  predefinedNetworks?: EngineNetwork[];
  /** the port allocator's next ephemeral port */
  nextPort: number;
  /** the counter behind client ports in access logs */
  pid: number;
}

export function imageState(image: Image): ImageState {
  return { ...image, packages: [...image.packages] };
}

export function imageFromState(state: ImageState): Image {
  return { ...state, packages: new Set(state.packages) };
}

export function cacheRecordState(record: CacheRecord): CacheRecordState {
  return { ...record, packages: [...record.packages] };
}

export function cacheRecordFromState(state: CacheRecordState): CacheRecord {
  return { ...state, packages: new Set(state.packages) };
}

export function containerState(c: Container): ContainerState {
  const {
    app: _app,
    release: _release,
    followers: _f,
    exitWaiters: _w,
    unmount: _u,
    script: _s,
    ...rest
  } = c;
  return structuredCloneExceptFs(rest);
}

export function containerFromState(state: ContainerState): Container {
  return {
    ...structuredCloneExceptFs(state),
    tty: state.tty ?? false,
    openStdin: state.openStdin ?? false,
    app: null,
    release: [],
    followers: new Set(),
    exitWaiters: new Set(),
    unmount: [],
  };
}

/** A deep copy of the plain parts, so a saved state never changes under the one who holds it; the Vfs is shared. */
function structuredCloneExceptFs<T extends { fs: Vfs }>(value: T): T {
  const { fs, ...plain } = value;
  return { ...structuredClone<Omit<T, 'fs'>>(plain), fs } as T;
}
