/**
 * The prunes: `container prune`, `image prune [-a]`, `network prune`, `volume prune [-a]` and `system prune [-a]
 * [--volumes]`, which runs the others in Docker's order (containers, networks, volumes, images,
 * build cache) and adds up what they freed. Words and order as CLI and Engine 28.5 print them on
 * the lab (scenarios 62, 71, 135, 138).
 */
import type { CommandContext } from '../../commands/types.ts';
import { humanSize } from '../../text/human.ts';
import type { DockerEngine } from '../engine.ts';
import { volumeBytes } from '../volumes.ts';
import { confirmPrune, forced, pruneAll } from './prune-prompt.ts';
import { heldLayers } from './disk-usage.ts';
import { bool, list } from '../../../docker/index.ts';
import { verbFlags } from './verb-flags.ts';

/** One prune's report: its section of the output ('' when it removed nothing), and the bytes freed. */
interface Pruned {
  section: string;
  reclaimed: number;
}

const section = (title: string, lines: string[]) =>
  lines.length ? `${title}:\n${lines.map((l) => `${l}\n`).join('')}` : '';

function pruneContainers(engine: DockerEngine): Pruned {
  const stopped = engine.containers.filter((c) => c.state !== 'running');
  for (const c of stopped) engine.remove(c);
  return {
    section: section(
      'Deleted Containers',
      stopped.map((c) => c.id),
    ),
    reclaimed: 0,
  };
}

/**
 * Dangling images, or with `all` every image: each of its tags is untagged but the last one of an
 * image a container uses, which the daemon refuses to delete (and the prune passes over); an image
 * with no tag left goes. A layer is freed only when no image and no build cache record holds it.
 */
function pruneImages(engine: DockerEngine, all: boolean): Pruned {
  const { images, containers, cache } = engine;
  const lines: string[] = [];
  const deleted = [];
  for (const image of images.all()) {
    if (!all && image.tags.length) continue;
    const inUse = containers.some((c) => c.imageId === image.id);
    for (const tag of [...image.tags].sort()) {
      if (inUse && image.tags.length === 1) break;
      images.untag(tag);
      lines.push(`untagged: ${tag}`);
    }
    if (image.tags.length || inUse) continue;
    images.remove(image.id);
    lines.push(`deleted: ${image.id}`);
    deleted.push(image);
  }
  const held = new Set([...images.all().flatMap((i) => i.layers), ...cache.layers()]);
  const freed = new Map<string, number>();
  for (const i of deleted) {
    const sizes = i.history.filter((h) => !h.emptyLayer).map((h) => h.size);
    i.layers.forEach((layer, n) => {
      if (!held.has(layer)) freed.set(layer, sizes[n] ?? 0);
    });
  }
  return {
    section: section('Deleted Images', lines),
    reclaimed: [...freed.values()].reduce((t, n) => t + n, 0),
  };
}

/** User-defined networks no running container is on (a stopped one holds no endpoint). */
function pruneNetworks(engine: DockerEngine): Pruned {
  const used = new Set(
    engine.containers.filter((c) => c.state === 'running').map((c) => engine.networkOn(c)),
  );
  const gone = engine.networks.filter((n) => !used.has(n));
  for (const n of gone) engine.removeNetwork(n.name);
  return {
    section: section(
      'Deleted Networks',
      gone.map((n) => n.name),
    ),
    reclaimed: 0,
  };
}

/** Volumes no container mounts: made without a name, or with `all` every one. */
function pruneVolumes(engine: DockerEngine, all: boolean): Pruned {
  const gone = engine.volumes
    .all()
    .filter((v) => (all || v.anonymous) && engine.volumeUsers(v.name).length === 0);
  for (const v of gone) engine.volumes.delete(v.name);
  return {
    section: section(
      'Deleted Volumes',
      gone.map((v) => v.name),
    ),
    reclaimed: gone.reduce((sum, v) => sum + volumeBytes(v), 0),
  };
}

function pruneCache(engine: DockerEngine, all: boolean): Pruned {
  const freed = engine.cache.prune(all, heldLayers(engine.images.all()));
  return {
    section: section(
      'Deleted build cache objects',
      freed.map((r) => r.id),
    ),
    reclaimed: freed.reduce((t, r) => t + r.size, 0),
  };
}

/** The prunes' common end: the sections, each followed by an empty line, then the total. */
function printPruned(ctx: CommandContext, pruned: Pruned[]): number {
  const sections = pruned.filter((p) => p.section).map((p) => `${p.section}\n`);
  const total = pruned.reduce((t, p) => t + p.reclaimed, 0);
  ctx.io.out(`${sections.join('')}Total reclaimed space: ${humanSize(total)}\n`);
  return 0;
}

/** Asks first unless -f; true to go on, else the exit code. */
function confirmed(ctx: CommandContext, args: readonly string[], warning: string): true | number {
  if (forced(args)) return true;
  const go = confirmPrune(ctx, warning);
  return go === true ? true : go === false ? 0 : go;
}

export function dockerContainerPrune(ctx: CommandContext, args: string[]): number {
  const go = confirmed(ctx, args, 'This will remove all stopped containers.');
  if (go !== true) return go;
  return printPruned(ctx, [pruneContainers(ctx.host.engine)]);
}

export function dockerImagePrune(ctx: CommandContext, args: string[]): number {
  const all = pruneAll(args);
  const go = confirmed(
    ctx,
    args,
    all
      ? 'This will remove all images without at least one container associated to them.'
      : 'This will remove all dangling images.',
  );
  if (go !== true) return go;
  return printPruned(ctx, [pruneImages(ctx.host.engine, all)]);
}

export function dockerSystemPrune(ctx: CommandContext, args: string[]): number {
  const all = pruneAll(args);
  const volumes = args.includes('--volumes');
  const removes = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(volumes ? ['all anonymous volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'unused build cache',
  ];
  const go = confirmed(
    ctx,
    args,
    `This will remove:\n${removes.map((r) => `  - ${r}\n`).join('')}`,
  );
  if (go !== true) return go;
  const { engine } = ctx.host;
  // In Docker's order: the images a pruned container held can go with them.
  return printPruned(ctx, [
    pruneContainers(engine),
    pruneNetworks(engine),
    ...(volumes ? [pruneVolumes(engine, false)] : []),
    pruneImages(engine, all),
    pruneCache(engine, all),
  ]);
}

/** `docker network prune`: its section only, with no total (nothing is reclaimed). */
export function dockerNetworkPrune(ctx: CommandContext, args: string[]): number {
  const parsed = verbFlags(
    ctx,
    'docker network prune',
    'docker network prune [OPTIONS]',
    args,
    [bool('force', 'f')],
    [list('filter')],
  );
  if (typeof parsed === 'number') return parsed;
  const go = confirmed(
    ctx,
    args,
    'This will remove all custom networks not used by at least one container.',
  );
  if (go !== true) return go;
  const { section: deleted } = pruneNetworks(ctx.host.engine);
  if (deleted) ctx.io.out(`${deleted}\n`);
  return 0;
}

export function dockerVolumePrune(ctx: CommandContext, args: string[]): number {
  const all = pruneAll(args);
  const go = confirmed(
    ctx,
    args,
    `This will remove ${all ? 'all' : 'anonymous'} local volumes not used by at least one container.`,
  );
  if (go !== true) return go;
  return printPruned(ctx, [pruneVolumes(ctx.host.engine, all)]);
}
