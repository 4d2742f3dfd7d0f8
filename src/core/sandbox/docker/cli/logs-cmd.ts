/**
 * `docker logs [-f] [-n|--tail N] [-t] [--since T] [--until T] CONTAINER`: the container's output
 * line by line, stdout and stderr each to its own stream, as Docker replays them.
 */
import type { CommandContext } from '../../commands/types.ts';
import { bool, parseFlags, reader, str } from '../../../docker/index.ts';
import { rfc3339 } from '../../text/human.ts';
import type { LogEntry } from '../containers.ts';

const LOGS_FLAGS = [
  bool('follow', 'f'),
  str('tail', 'n'),
  bool('timestamps', 't'),
  str('since'),
  str('until'),
  bool('details'),
];

const usage = (message: string) =>
  `${message}\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n`;

export async function dockerLogs(ctx: CommandContext, args: string[]): Promise<number> {
  const parsed = parseFlags(args, LOGS_FLAGS);
  if ('error' in parsed) {
    ctx.io.err(usage(parsed.error));
    return 125;
  }
  const flags = reader(parsed);
  if (flags.positionals.length !== 1) {
    ctx.io.err(
      `docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n`,
    );
    return 1;
  }
  const ref = flags.positionals[0]!;
  const now = ctx.host.clock.now();
  const since = readTime(flags.string('since'), now);
  const until = readTime(flags.string('until'), now);
  for (const [name, value] of [
    ['since', since],
    ['until', until],
  ] as const)
    if (typeof value === 'string') {
      ctx.io.err(`invalid value for "${name}": ${value}\n`);
      return 1;
    }
  const c = ctx.host.engine.findContainer(ref);
  if (!c) {
    ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
    return 1;
  }
  const tail = readTail(flags.string('tail'));
  const stamp = flags.bool('timestamps');
  const line = (entry: LogEntry) => (stamp ? `${rfc3339(entry.at)} ${entry.text}` : entry.text);
  const lines = c.logs
    .flatMap((e) => splitLines(e))
    .filter(
      (e) =>
        (since === null || e.at >= (since as number)) &&
        (until === null || e.at <= (until as number)),
    );
  for (const entry of tail === null ? lines : lines.slice(Math.max(0, lines.length - tail)))
    (entry.stream === 'stdout' ? ctx.io.out : ctx.io.err)(line(entry));
  const follow = flags.bool('follow') && until === null;
  if (!follow || c.state !== 'running' || !ctx.job.interactive || ctx.job.background) return 0;
  const emit = (text: string) =>
    ctx.io.out(stamp ? `${rfc3339(ctx.host.clock.now())} ${text}` : text);
  c.followers.add(emit);
  // Following a script that ends by itself ends with it; anything else, on Ctrl+C.
  const ended = ctx.host.engine.untilExit(c, ctx.job.interrupted).then(() => 'ended' as const);
  const how = await Promise.race([ended, ctx.job.interrupted.then(() => 'interrupted' as const)]);
  c.followers.delete(emit);
  if (how === 'interrupted') ctx.io.out('^C\n');
  return 0;
}

/** `--tail`: `all` or a negative number is everything; anything else not a number is too (the daemon falls back). */
function readTail(value: string | undefined): number | null {
  if (value === undefined || value === 'all') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function splitLines(entry: LogEntry): LogEntry[] {
  return (entry.text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((text) => ({ ...entry, text }));
}

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5,
};

/**
 * `--since`/`--until` as the CLI reads them: a Go duration before now (`10m`, `1h30m`), a Unix
 * time (`1700000000[.5]`), or an RFC 3339 date (`2026-12-06`, `2026-12-06T08:00:00[Z]`; no zone
 * means the machine's, UTC here). A string is the CLI's error.
 */
export function readTime(value: string | undefined, now: number): number | null | string {
  if (value === undefined || value === '') return null;
  if (/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/.test(value)) {
    let ms = 0;
    for (const [, n, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
      ms += Number(n) * UNITS[unit!]!;
    return now - ms;
  }
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (
    /^\d{4}-\d{2}-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/.test(
      value,
    )
  ) {
    const zoned = /(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
    const ms = Date.parse(zoned.length === 11 ? `${value}T00:00:00Z` : zoned);
    if (!Number.isNaN(ms)) return ms;
  }
  return `failed to parse value as time or duration: "${value}"`;
}
