/** `docker ps`, `images`, `history`, `port`: the CLI's tables (docker-semantics §4). */
import type { CommandContext } from '../../commands/types.ts';
import { ellipsis, renderTable } from '../../text/table.ts';
import { humanDuration, humanSize } from '../../text/human.ts';
import { T } from '../../text/go-template.ts';
import { portRows, stateName, statusText } from '../containers.ts';
import { commandText } from '../container-process.ts';
import { formatRows } from './format-rows.ts';
import {
  bool,
  displayPorts,
  int,
  joinHostPort,
  list,
  parseFlags,
  reader,
  str,
  type FlagSpec,
} from '../../../docker/index.ts';
import { shortId } from '../images.ts';
import { writableSize } from '../layer-size.ts';
import {
  containerFilter,
  imageFilter,
  IMAGE_FILTER_KEYS,
  PS_FILTER_KEYS,
  readFilters,
} from './list-filters.ts';

const LIST_FLAGS = [
  bool('all', 'a'),
  bool('quiet', 'q'),
  bool('no-trunc'),
  str('format'),
  list('filter', 'f'),
];
const PS_FLAGS = [...LIST_FLAGS, int('last', 'n'), bool('latest', 'l'), bool('size', 's')];
const IMAGES_FLAGS = [...LIST_FLAGS, bool('digests')];
const HISTORY_FLAGS = [bool('quiet', 'q'), bool('no-trunc'), str('format'), bool('human', 'H')];

/** Go's time.RFC3339 in UTC, as the CLI formats a time for -H=false. */
const rfc3339Seconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Go's time.Time as the CLI prints `CreatedAt` (`2006-01-02 15:04:05 -0700 MST`, the daemon's UTC). */
export const goTime = (ms: number) =>
  `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;

const ago = (ctx: CommandContext, ms: number) => `${humanDuration(ctx.host.clock.now() - ms)} ago`;

/** Column headers of the CLI's format contexts, for `--format 'table …'`. */
const HEADERS: Record<string, string> = {
  Image: 'IMAGE',
  Command: 'COMMAND',
  RunningFor: 'CREATED',
  CreatedSince: 'CREATED',
  Status: 'STATUS',
  Ports: 'PORTS',
  Names: 'NAMES',
  State: 'STATE',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Size: 'SIZE',
  CreatedBy: 'CREATED BY',
  Comment: 'COMMENT',
  // docker network ls
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  CreatedAt: 'CREATED AT',
  Labels: 'LABELS',
};

/** `--format` over the command's context type (`*formatter.ContainerContext`); otherwise the default table. */
export function listTable(
  ctx: CommandContext,
  format: string | undefined,
  header: string[],
  rows: Record<string, string | null>[],
  fields: string[],
  context: string,
): number {
  if (format) {
    const keys = Object.keys(rows[0] ?? Object.fromEntries(fields.map((f) => [f, ''])));
    const context_ = T.struct(
      `formatter.${context}`,
      keys.map((k) => [k, T.string]),
    );
    // The CLI's contexts marshal a map of every field (encoding/json: keys sorted, HTML escaped).
    const type = T.ptr(
      context_.kind === 'struct' ? { ...context_, marshal: (raw: unknown) => raw } : context_,
    );
    const headers = Object.fromEntries(
      keys.map((k) => [k, k === 'ID' ? header[fields.indexOf('ID')]! : (HEADERS[k] ?? k)]),
    );
    // `--format json` is `{{json .}}`: the context's MarshalJSON, every field.
    const r = formatRows(format, type, headers, rows);
    if ('error' in r) {
      ctx.io.err(`failed to execute template: ${r.error}\n`);
      return 1;
    }
    ctx.io.out(r.text);
    return 0;
  }
  ctx.io.out(`${renderTable([header, ...rows.map((r) => fields.map((f) => r[f] ?? ''))])}\n`);
  return 0;
}

/** Flags of the list commands, or the CLI's error (printed, exit 125 as docker does for flag errors). */
function listFlags(
  ctx: CommandContext,
  args: string[],
  command: string,
  specs: readonly FlagSpec[] = LIST_FLAGS,
) {
  const parsed = parseFlags(args, specs);
  if ('error' in parsed) ctx.io.err(`${parsed.error}\nSee '${command} --help'.\n`);
  return 'error' in parsed ? null : reader(parsed);
}

export function dockerPs(ctx: CommandContext, args: string[]): number {
  const flags = listFlags(ctx, args, 'docker ps', PS_FLAGS);
  if (!flags) return 125;
  const quiet = flags.bool('quiet');
  const noTrunc = flags.bool('no-trunc');
  const now = ctx.host.clock.now();
  const { engine } = ctx.host;
  const filters = readFilters(flags.list('filter'), PS_FILTER_KEYS);
  const keep = 'error' in filters ? filters : containerFilter(filters, engine.images);
  if ('error' in keep) {
    ctx.io.err(`Error response from daemon: ${keep.error}\n`);
    return 1;
  }
  // -n N / -l: the last created containers, whatever their state (-n -1, the default, is off).
  const last = flags.bool('latest') ? 1 : (flags.int('last') ?? -1);
  const all = flags.bool('all') || last >= 0 || flags.list('filter').length > 0;
  const list = engine.containers
    .filter((c) => (all || c.state === 'running') && keep(c))
    .sort((a, b) => b.created - a.created)
    .slice(0, last >= 0 ? last : undefined);
  if (quiet) {
    ctx.io.out(list.map((c) => `${c.id.slice(0, 12)}\n`).join(''));
    return 0;
  }
  const size = flags.bool('size');
  const sizeText = (c: (typeof list)[number]) => {
    const rw = writableSize(c, engine.images.all());
    const image = engine.imageOf(c);
    return `${humanSize(rw)} (virtual ${humanSize((image?.size ?? 0) + rw)})`;
  };
  const rows = list.map((c) => {
    const command = commandText(c.argv);
    // Every field of the CLI's ContainerContext, in its JSON's (sorted) order.
    return {
      Command: JSON.stringify(noTrunc ? command : ellipsis(command, 20)),
      CreatedAt: goTime(c.created),
      ID: noTrunc ? c.id : c.id.slice(0, 12),
      // Once the reference names another image (a rebuild moved the tag), Docker shows the ID it runs.
      Image: engine.images.find(c.image)?.id === c.imageId ? c.image : shortId(c.imageId),
      Labels: Object.entries(c.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      LocalVolumes: '0',
      Mounts: c.mounts.map((m) => (noTrunc ? m.source : ellipsis(m.source, 15))).join(','),
      Names: c.name,
      Networks: c.network ?? 'bridge',
      Platform: null,
      Ports: displayPorts(portRows(c)),
      RunningFor: `${humanDuration(now - c.created)} ago`,
      // SizeRw, and SizeRootFs (the image and the layer), only when -s asked the daemon for them.
      Size: size ? sizeText(c) : '0B',
      State: stateName(c),
      Status: statusText(c, now, humanDuration),
    };
  });
  return listTable(
    ctx,
    flags.string('format'),
    [
      'CONTAINER ID',
      'IMAGE',
      'COMMAND',
      'CREATED',
      'STATUS',
      'PORTS',
      'NAMES',
      ...(size ? ['SIZE'] : []),
    ],
    rows,
    ['ID', 'Image', 'Command', 'RunningFor', 'Status', 'Ports', 'Names', ...(size ? ['Size'] : [])],
    'ContainerContext',
  );
}

export function dockerImages(ctx: CommandContext, args: string[]): number {
  const flags = listFlags(ctx, args, 'docker images', IMAGES_FLAGS);
  if (!flags) return 125;
  const quiet = flags.bool('quiet');
  const filter = flags.positionals[0];
  const filters = readFilters(flags.list('filter'), IMAGE_FILTER_KEYS);
  const keep = 'error' in filters ? filters : imageFilter(filters);
  if ('error' in keep) {
    ctx.io.err(`Error response from daemon: ${keep.error}\n`);
    return 1;
  }
  const { containers } = ctx.host.engine;
  // Images built or loaded here have no registry digest: the column says <none>.
  const digests = flags.bool('digests');
  const rows = ctx.host.engine.images
    .all()
    .sort((a, b) => b.created - a.created)
    .flatMap((image) => {
      const tags = (image.tags.length ? image.tags : [null]).filter((t) => keep(image, t));
      return tags.map((tag) => {
        const t = tag ?? '<none>:<none>';
        const i = t.lastIndexOf(':');
        // Every field of the CLI's imageContext, in its JSON's (sorted) order.
        return {
          Containers: String(containers.filter((c) => c.imageId === image.id).length),
          CreatedAt: goTime(image.created),
          CreatedSince: ago(ctx, image.created),
          Digest: '<none>',
          ID: flags.bool('no-trunc') ? image.id : shortId(image.id),
          Repository: t.slice(0, i),
          SharedSize: 'N/A',
          Size: humanSize(image.size),
          Tag: t.slice(i + 1),
          UniqueSize: 'N/A',
          VirtualSize: humanSize(image.size, 4),
        };
      });
    })
    // Dangling images (`<none>`) are listed by default; -a would add the legacy builder's intermediates, which BuildKit never makes.
    .filter(
      (r) =>
        !filter ||
        (filter.includes(':') ? `${r.Repository}:${r.Tag}` === filter : r.Repository === filter),
    );
  if (quiet) {
    // One line a row, an image with two tags twice (lab, CLI 28.5: scenario 139).
    ctx.io.out(rows.map((r) => `${r.ID}\n`).join(''));
    return 0;
  }
  return listTable(
    ctx,
    flags.string('format'),
    ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'],
    rows,
    ['Repository', 'Tag', ...(digests ? ['Digest'] : []), 'ID', 'CreatedSince', 'Size'],
    'imageContext',
  );
}

export function dockerHistory(ctx: CommandContext, args: string[]): number {
  const flags = listFlags(ctx, args, 'docker history', HISTORY_FLAGS);
  if (!flags) return 125;
  const noTrunc = flags.bool('no-trunc');
  // -H=false: times as RFC 3339 and sizes in bytes (the CLI's historyContext).
  const human = !flags.has('human') || flags.bool('human');
  const ref = flags.positionals[0];
  const image = ref ? ctx.host.engine.images.find(ref) : null;
  if (!image) {
    ctx.io.err(
      ref
        ? `Error response from daemon: No such image: ${ref}\n`
        : "docker: 'docker history' requires 1 argument\n\nSee 'docker history --help' for more information\n",
    );
    return 1;
  }
  const rows = [...image.history].reverse().map((h, i) => ({
    ID: i === 0 ? (noTrunc ? image.id : shortId(image.id)) : '<missing>',
    CreatedAt: rfc3339Seconds(h.created),
    CreatedSince: human ? ago(ctx, h.created) : rfc3339Seconds(h.created),
    CreatedBy: noTrunc ? h.createdBy : ellipsis(h.createdBy.replace(/\t/g, ' '), 45),
    Size: human ? humanSize(h.size) : String(h.size),
    Comment: h.comment,
  }));
  return listTable(
    ctx,
    flags.string('format'),
    ['IMAGE', human ? 'CREATED' : 'CREATED AT', 'CREATED BY', 'SIZE', 'COMMENT'],
    rows,
    ['ID', human ? 'CreatedSince' : 'CreatedAt', 'CreatedBy', 'Size', 'Comment'],
    'historyContext',
  );
}

export function dockerPort(ctx: CommandContext, args: string[]): number {
  const [ref, wanted] = args;
  const c = ref ? ctx.host.engine.findContainer(ref) : null;
  if (!c) {
    ctx.io.err(
      ref
        ? `Error response from daemon: No such container: ${ref}\n`
        : "docker: 'docker port' requires at least 1 argument\n\nSee 'docker port --help' for more information\n",
    );
    return 1;
  }
  const rows =
    c.state === 'running'
      ? [...c.bindings].sort(
          (a, b) =>
            a.containerPort - b.containerPort || ((a.hostIp ?? '') < (b.hostIp ?? '') ? -1 : 1),
        )
      : [];
  if (wanted !== undefined) {
    // `docker port web 8000[/tcp]`: that port's host addresses only, or the CLI's error.
    const [port, protocol = 'tcp'] = wanted.split('/');
    const matching = rows.filter(
      (b) => String(b.containerPort) === port && b.protocol === protocol,
    );
    if (matching.length === 0) {
      ctx.io.err(`Error: No public port '${wanted}' published for ${ref}\n`);
      return 1;
    }
    ctx.io.out(matching.map((b) => `${joinHostPort(b.hostIp ?? '', b.hostPort ?? 0)}\n`).join(''));
    return 0;
  }
  ctx.io.out(
    rows
      .map(
        (b) =>
          `${b.containerPort}/${b.protocol} -> ${joinHostPort(b.hostIp ?? '', b.hostPort ?? 0)}\n`,
      )
      .join(''),
  );
  return 0;
}
