/**
 * `docker builder prune` and `docker system df`: what the engine's images, containers and build
 * cache hold, with the figures computed from the simulated engine's own state, as Engine 28.5
 * and buildx 0.29 print them (scenarios 69, 70).
 */
import type { CommandContext } from '../../commands/types.ts';
import { humanDuration, humanSize } from '../../text/human.ts';
import { renderTabbed } from '../../text/table.ts';
import { ellipsis, renderTable } from '../../text/table.ts';
import { volumeBytes } from '../volumes.ts';
import type { CacheUsage } from '../build/cache.ts';
import type { Container } from '../containers.ts';
import { statusText } from '../containers.ts';
import { commandText } from '../container-process.ts';
import { shortId, type Image } from '../images.ts';
import { writableSize } from '../layer-size.ts';
import { confirmPrune, forced, pruneAll } from './prune-prompt.ts';

/** One record as buildx lists it: `*` marks a mutable record; sizes in go-units' 4 digits. */
function pruneRow(record: CacheUsage, now: number): string[] {
  return [
    `${record.id}${record.mutable ? '*' : ''}`.padEnd(40),
    'true ',
    humanSize(record.size, 4).padEnd(10),
    `${humanDuration(now - record.lastUsed)} ago`,
  ];
}

export function dockerBuilderPrune(ctx: CommandContext, args: string[]): number {
  const all = pruneAll(args);
  if (!forced(args)) {
    const go = confirmPrune(
      ctx,
      `This will remove all ${all ? '' : 'dangling '}build cache.`,
      true,
    );
    if (go !== true) return go === false ? 0 : go;
  }
  const now = ctx.host.clock.now();
  const { images, cache } = ctx.host.engine;
  const freed = cache.prune(all, heldLayers(images.all()));
  // buildx writes the header with the first record, then flushes each later record alone.
  const [first, ...rest] = freed;
  const out: string[] = [];
  if (first)
    out.push(
      renderTabbed([['ID', 'RECLAIMABLE', 'SIZE', 'LAST ACCESSED'], pruneRow(first, now)]),
      ...rest.map((r) => renderTabbed([pruneRow(r, now)])),
    );
  const total = freed.reduce((t, r) => t + r.size, 0);
  out.push(renderTabbed([['Total:', humanSize(total, 4)]]));
  ctx.io.out(`${out.join('\n')}\n`);
  return 0;
}

/** `docker system df [-v]`: the Engine's disk usage, as the CLI's formatter prints it. */
export function dockerSystemDf(ctx: CommandContext, args: string[]): number {
  const verbose = args.includes('-v') || args.includes('--verbose');
  const { engine } = ctx.host;
  const { images, containers, cache } = engine;
  const now = ctx.host.clock.now();
  const ago = (ms: number) => `${humanDuration(now - ms)} ago`;
  // A volume's LINKS: the containers, running or not, that mount it.
  const volumes = engine.volumes.all().map((v) => ({
    v,
    links: engine.volumeUsers(v.name).length,
    size: volumeBytes(v),
  }));
  const all = images.all();
  const usage = imageUsage(all, containers);
  const records = cache.usage(heldLayers(all));
  const cacheSize = records.filter((r) => !r.shared).reduce((t, r) => t + r.size, 0);
  if (verbose) {
    const imageRows = [...all]
      .sort((a, b) => b.created - a.created)
      .flatMap((image) => {
        const u = usage.get(image.id)!;
        return (image.tags.length ? image.tags : ['<none>:<none>']).map((tag) => [
          tag.slice(0, tag.lastIndexOf(':')),
          tag.slice(tag.lastIndexOf(':') + 1),
          shortId(image.id),
          ago(image.created),
          humanSize(image.size),
          humanSize(u.shared, 4),
          humanSize(u.unique, 4),
          String(u.containers),
        ]);
      });
    const containerRows = [...containers]
      .sort((a, b) => b.created - a.created)
      .map((c) => [
        c.id.slice(0, 12),
        c.image,
        JSON.stringify(ellipsis(commandText(c.argv), 20)),
        String(c.mounts.filter((m) => m.type === 'volume').length),
        humanSize(writableSize(c, images.all())),
        ago(c.created),
        statusText(c, now, humanDuration),
        c.name,
      ]);
    const cacheRows = records.map((r) => [
      r.id.slice(0, 12),
      r.type,
      humanSize(r.size, 4),
      ago(r.created),
      ago(r.lastUsed),
      String(r.usage),
      String(r.shared),
    ]);
    ctx.io.out(
      [
        'Images space usage:',
        '',
        renderTable([
          [
            'REPOSITORY',
            'TAG',
            'IMAGE ID',
            'CREATED',
            'SIZE',
            'SHARED SIZE',
            'UNIQUE SIZE',
            'CONTAINERS',
          ],
          ...imageRows,
        ]),
        '',
        'Containers space usage:',
        '',
        renderTable([
          [
            'CONTAINER ID',
            'IMAGE',
            'COMMAND',
            'LOCAL VOLUMES',
            'SIZE',
            'CREATED',
            'STATUS',
            'NAMES',
          ],
          ...containerRows,
        ]),
        '',
        'Local Volumes space usage:',
        '',
        renderTable([
          ['VOLUME NAME', 'LINKS', 'SIZE'],
          ...volumes.map(({ v, links, size }) => [v.name, String(links), humanSize(size, 4)]),
        ]),
        '',
        `Build cache usage: ${humanSize(cacheSize, 4)}`,
        '',
        renderTable([
          ['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED'],
          ...cacheRows,
        ]),
      ].join('\n') + '\n',
    );
    return 0;
  }
  // The CLI's totals (cli/command/formatter/disk_usage.go): an image in use frees only its unique layers.
  const layersTotal = [...layerSizes(all).values()].reduce((t, n) => t + n, 0);
  const used = all
    .filter((i) => usage.get(i.id)!.containers > 0)
    .reduce((t, i) => t + usage.get(i.id)!.unique, 0);
  const sizes = containers.map((c) => ({ c, size: writableSize(c, all) }));
  const rwTotal = sizes.reduce((t, s) => t + s.size, 0);
  const rwFree = sizes.filter((s) => s.c.state !== 'running').reduce((t, s) => t + s.size, 0);
  const percent = (part: number, total: number) =>
    total > 0 ? `${humanSize(part, 4)} (${Math.floor((part * 100) / total)}%)` : humanSize(part, 4);
  const active = new Set(containers.map((c) => c.imageId));
  const volumeTotal = volumes.reduce((t, x) => t + x.size, 0);
  const volumeFree = volumes.filter((x) => x.links === 0).reduce((t, x) => t + x.size, 0);
  ctx.io.out(
    `${renderTable([
      ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
      [
        'Images',
        String(all.length),
        String(all.filter((i) => active.has(i.id)).length),
        humanSize(layersTotal, 4),
        percent(layersTotal - used, layersTotal),
      ],
      [
        'Containers',
        String(containers.length),
        String(containers.filter((c) => c.state === 'running').length),
        humanSize(rwTotal, 4),
        percent(rwFree, rwTotal),
      ],
      [
        'Local Volumes',
        String(volumes.length),
        String(volumes.filter((x) => x.links > 0).length),
        humanSize(volumeTotal, 4),
        percent(volumeFree, volumeTotal),
      ],
      [
        'Build Cache',
        String(records.length),
        '0',
        humanSize(cacheSize, 4),
        humanSize(cacheSize, 4),
      ],
    ])}\n`,
  );
  return 0;
}

/** The layers some image holds. */
export function heldLayers(images: readonly Image[]): Set<string> {
  return new Set(images.flatMap((i) => i.layers));
}

/** Each layer's size, by diff ID (the history's entries that made a layer, in order). */
function layerSizes(images: readonly Image[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const image of images) {
    const made = image.history.filter((h) => !h.emptyLayer);
    image.layers.forEach((id, i) => sizes.set(id, made[i]?.size ?? 0));
  }
  return sizes;
}

/** Per image: the bytes of layers another image also holds, those only it holds, and its containers. */
function imageUsage(
  images: readonly Image[],
  containers: readonly Container[],
): Map<string, { shared: number; unique: number; containers: number }> {
  const sizes = layerSizes(images);
  const holders = new Map<string, number>();
  for (const image of images)
    for (const id of new Set(image.layers)) holders.set(id, (holders.get(id) ?? 0) + 1);
  const out = new Map<string, { shared: number; unique: number; containers: number }>();
  for (const image of images) {
    let shared = 0;
    let unique = 0;
    for (const id of new Set(image.layers))
      if ((holders.get(id) ?? 0) > 1) shared += sizes.get(id) ?? 0;
      else unique += sizes.get(id) ?? 0;
    const count = containers.filter((c) => c.imageId === image.id).length;
    out.set(image.id, { shared, unique, containers: count });
  }
  return out;
}
