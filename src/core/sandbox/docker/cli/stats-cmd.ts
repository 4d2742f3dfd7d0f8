/**
 * `docker stats [--no-stream] [-a] [CONTAINER…]`: each container's CPU, memory, network and block
 * I/O and PIDs. Words, columns and units: lab, CLI and Engine 28.5. The figures are modelled on
 * the lab's runs of the course's app (Uvicorn at rest 0.25% CPU and about 38 MiB in 6 PIDs, each
 * request about 548 B in and 480 B out; a shell about 1 MiB in 1 PID), on a simulated machine of
 * 8 GiB; nothing is measured. Without --no-stream the table is redrawn in place, as the CLI does,
 * whenever a container serves a request or stops, until Ctrl+C.
 */
import type { CommandContext } from '../../commands/types.ts';
import { bool, parseFlags, reader, str } from '../../../docker/index.ts';
import { formatRows } from './format-rows.ts';
import { binarySize, humanSize } from '../../text/human.ts';
import { T, type GoType } from '../../text/go-template.ts';
import type { Container } from '../containers.ts';
import { MACHINE_MEMORY } from '../machine.ts';

const STATS_FLAGS = [bool('all', 'a'), bool('no-stream'), bool('no-trunc'), str('format')];

/** The CLI's statsContext fields, in its JSON's (sorted) order, and their table headers. */
const FIELDS = {
  BlockIO: 'BLOCK I/O',
  CPUPerc: 'CPU %',
  Container: 'CONTAINER',
  ID: 'CONTAINER ID',
  MemPerc: 'MEM %',
  MemUsage: 'MEM USAGE / LIMIT',
  Name: 'NAME',
  NetIO: 'NET I/O',
  PIDs: 'PIDS',
} as const;
type Row = Record<keyof typeof FIELDS, string>;
const DEFAULT =
  'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
/** `*container.statsContext`; `{{json .}}` prints its map of every field. */
const TYPE: GoType = T.ptr({
  kind: 'struct',
  name: 'container.statsContext',
  fields: Object.keys(FIELDS).map((name) => ({ name, json: name, type: T.string })),
  marshal: (raw: unknown) => raw,
});

export async function dockerStats(ctx: CommandContext, args: string[]): Promise<number> {
  const parsed = parseFlags(args, STATS_FLAGS);
  if ('error' in parsed) {
    ctx.io.err(`${parsed.error}\nSee 'docker stats --help'.\n`);
    return 125;
  }
  const flags = reader(parsed);
  const { engine } = ctx.host;
  const refs = flags.positionals;
  for (const ref of refs)
    if (!engine.findContainer(ref)) {
      ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
      return 1;
    }
  // Named: those, in any state; else the running ones (paused too), or all with -a, newest first.
  const listed = (): [string, Container][] =>
    refs.length
      ? refs.flatMap((ref) => {
          const c = engine.findContainer(ref);
          return c ? [[ref, c] as [string, Container]] : [];
        })
      : engine.containers
          .filter((c) => flags.bool('all') || c.state === 'running')
          .sort((a, b) => b.created - a.created)
          .map((c) => [c.id, c]);
  const noTrunc = flags.bool('no-trunc');
  const format = flags.string('format') || DEFAULT;
  const render = () =>
    formatRows(
      format,
      TYPE,
      FIELDS,
      listed().map(([ref, c]) => figures(ref, c, noTrunc)),
    );
  const first = render();
  if ('error' in first) {
    ctx.io.err(`template parsing error: ${first.error}\n`);
    return 1;
  }
  if (flags.bool('no-stream')) {
    ctx.io.out(first.text);
    return 0;
  }
  // The CLI's redraw: home, the table, then each of its lines again with the rest of the line
  // erased (its buffer is written twice over), then the rest of the screen erased.
  const draw = (text: string) =>
    ctx.io.out(
      `\x1b[H${text}` +
        `\x1b[H${text}`
          .split('\n')
          .map((line) => `${line} \x1b[K\n`)
          .join('') +
        '\x1b[J',
    );
  draw(first.text);
  const redraw = () => {
    const next = render();
    if ('text' in next) draw(next.text);
  };
  const watched = new Set<Container>();
  const watch = () => {
    for (const [, c] of listed())
      if (!watched.has(c)) {
        watched.add(c);
        c.followers.add(redraw);
        c.exitWaiters.add(changed);
      }
  };
  const changed = () => {
    redraw();
    watch();
  };
  watch();
  await ctx.job.interrupted;
  for (const c of watched) {
    c.followers.delete(redraw);
    c.exitWaiters.delete(changed);
  }
  ctx.io.out('^C\n');
  return 0;
}

/** The row in the context's field order, which `{{json .}}` keeps (encoding/json sorts a map's keys). */
function figures(ref: string, c: Container, noTrunc: boolean): Row {
  const row = measure(ref, c, noTrunc);
  return Object.fromEntries(Object.keys(FIELDS).map((k) => [k, row[k as keyof Row]])) as Row;
}

function measure(ref: string, c: Container, noTrunc: boolean): Row {
  const id = noTrunc ? c.id : c.id.slice(0, 12);
  const base = { Container: ref, ID: id, Name: c.name };
  if (c.state !== 'running')
    return {
      ...base,
      BlockIO: '0B / 0B',
      CPUPerc: '0.00%',
      MemPerc: '0.00%',
      MemUsage: '0B / 0B',
      NetIO: '0B / 0B',
      PIDs: '0',
    };
  const server = c.app !== null;
  // Requests served so far, read from the access log the app writes.
  const served = c.logs.filter((e) => / HTTP\/1\.1" \d{3}/.test(e.text)).length;
  const memory = server ? 39.2e6 + 0.4e6 * served : 1.14e6;
  const limit = Math.min(c.memory ?? MACHINE_MEMORY, MACHINE_MEMORY);
  const [received, sent] = server ? [1000 + 548 * served, 330 + 480 * served] : [486, 84];
  return {
    ...base,
    BlockIO: '0B / 0B',
    CPUPerc: server && !c.paused ? '0.25%' : '0.00%',
    MemPerc: `${((100 * memory) / limit).toFixed(2)}%`,
    MemUsage: `${binarySize(memory)} / ${binarySize(limit)}`,
    NetIO: `${humanSize(received)} / ${humanSize(sent)}`,
    PIDs: server ? '6' : '1',
  };
}
