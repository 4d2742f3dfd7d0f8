/**
 * `docker network ls|create|rm` (`prune` is with the other prunes): the daemon's three networks
 * and the user-defined ones (networks.ts), as CLI and Engine 28.5 answer on the lab
 * (tests/fixtures/sandbox/real/engine-28/network.txt), usage errors and all. Containers join a
 * network through Compose or `docker run --network` (run-cmd.ts); `network connect` is a gap.
 */
import type { CommandContext } from '../../commands/types.ts';
import { bool, list, reader, str } from '../../../docker/index.ts';
import { flagsOf } from './verb-flags.ts';
import { notSimulated } from '../../not-simulated.ts';
import { DOCKER_GAP } from '../gaps.ts';
import type { EngineNetwork } from '../networks.ts';
import { createdNanos, isPredefined } from '../networks.ts';
import { goTime, listTable } from './list-cmds.ts';
import { notSimulatedCommand } from './misc-cmds.ts';
import { dockerInspect } from './image-cmds.ts';

const USAGE = {
  create: 'docker network create [OPTIONS] NETWORK',
  ls: 'docker network ls [OPTIONS]',
  rm: 'docker network rm NETWORK [NETWORK...]',
  inspect: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
} as const;

const flags = flagsOf('network', USAGE);

/** What `--filter KEY=VALUE` keeps, for the keys the lab showed; null for a key the sandbox lacks. */
function filterOf(spec: string): ((n: EngineNetwork) => boolean) | null {
  const [key = '', value = ''] = spec.split(/=(.*)/s);
  switch (key) {
    case 'name':
      return (n) => n.name.includes(value);
    case 'id':
      return (n) => n.id.startsWith(value);
    case 'driver':
      return (n) => n.driver === value;
    case 'type':
      return (n) => (value === 'custom' ? !isPredefined(n.name) : isPredefined(n.name));
    default:
      return null;
  }
}

const createdAt = (n: EngineNetwork) =>
  goTime(n.createdAt).replace(/ \+0000/, `.${createdNanos(n)} +0000`);

export function dockerNetworkLs(ctx: CommandContext, args: string[]): number {
  const parsed = flags(ctx, 'ls', args, [
    bool('quiet', 'q'),
    bool('no-trunc'),
    str('format'),
    list('filter', 'f'),
  ]);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) {
    ctx.io.err(
      `docker: 'docker network ls' accepts no arguments\n\nUsage:  ${USAGE.ls}\n\nRun 'docker network ls --help' for more information\n`,
    );
    return 1;
  }
  const read = reader(parsed);
  let networks = ctx.host.engine.allNetworks();
  for (const spec of read.list('filter')) {
    const keep = filterOf(spec);
    if (!keep) return notSimulated(ctx.io, DOCKER_GAP.flags, `docker network ls --filter ${spec}`);
    // Filters of different keys all apply; values of one key (name=a, name=b) would be either: the lab showed one each.
    networks = networks.filter(keep);
  }
  const id = (n: EngineNetwork) => (read.bool('no-trunc') ? n.id : n.id.slice(0, 12));
  if (read.bool('quiet')) {
    ctx.io.out(networks.map((n) => `${id(n)}\n`).join(''));
    return 0;
  }
  // The CLI's NetworkContext: every field a string, as its JSON shows them.
  const rows = networks.map((n) => ({
    CreatedAt: createdAt(n),
    Driver: n.driver,
    ID: id(n),
    IPv4: 'true',
    IPv6: 'false',
    Internal: 'false',
    Labels: '',
    Name: n.name,
    Scope: 'local',
  }));
  return listTable(
    ctx,
    read.string('format'),
    ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
    rows,
    ['ID', 'Name', 'Driver', 'Scope'],
    'networkContext',
  );
}

export function dockerNetworkCreate(ctx: CommandContext, args: string[]): number {
  const parsed = flags(
    ctx,
    'create',
    args,
    [],
    [
      str('driver', 'd'),
      list('subnet'),
      list('gateway'),
      list('ip-range'),
      list('label'),
      list('opt', 'o'),
      bool('internal'),
      bool('attachable'),
      bool('ipv6'),
    ],
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 1) {
    ctx.io.err(
      `docker: 'docker network create' requires 1 argument\n\nUsage:  ${USAGE.create}\n\nRun 'docker network create --help' for more information\n`,
    );
    return 1;
  }
  const name = parsed.positionals[0]!;
  const made = ctx.host.engine.createNetwork(name);
  if (!made) {
    ctx.io.err(`Error response from daemon: network with name ${name} already exists\n`);
    return 1;
  }
  ctx.io.out(`${made.id}\n`);
  return 0;
}

export function dockerNetworkRm(ctx: CommandContext, args: string[]): number {
  const parsed = flags(ctx, 'rm', args, [], [bool('force', 'f')]);
  if (typeof parsed === 'number') return parsed;
  if (!parsed.positionals.length) {
    ctx.io.err(
      `docker: 'docker network rm' requires at least 1 argument\n\nUsage:  ${USAGE.rm}\n\nSee 'docker network rm --help' for more information\n`,
    );
    return 1;
  }
  let failed = false;
  for (const ref of parsed.positionals) {
    const refused = ctx.host.engine.removeNetwork(ref);
    if (refused) {
      ctx.io.err(`Error response from daemon: ${refused}\n`);
      failed = true;
    } else ctx.io.out(`${ref}\n`);
  }
  // The CLI ends a failed rm with this line of its own (lab).
  if (failed) ctx.io.err('exit status 1\n');
  return failed ? 1 : 0;
}

export function dockerNetworkInspect(ctx: CommandContext, args: string[]): number {
  if (!args.some((a) => !a.startsWith('-'))) {
    ctx.io.err(
      `docker: 'docker network inspect' requires at least 1 argument\n\nUsage:  ${USAGE.inspect}\n\nSee 'docker network inspect --help' for more information\n`,
    );
    return 1;
  }
  return dockerInspect(ctx, args, 'network');
}

/** connect and disconnect: named as not simulated. */
export const dockerNetworkOther =
  (verb: string) =>
  (ctx: CommandContext): number =>
    notSimulatedCommand(ctx, `docker network ${verb}`);
