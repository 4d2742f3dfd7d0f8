/**
 * `docker volume create|ls|inspect|rm` (`prune` is with the other prunes): named volumes (volumes.ts) as CLI and Engine 28.5
 * answer on the lab, usage errors and all (`create`'s "SRun" is the CLI's own).
 */
import type { CommandContext } from '../../commands/types.ts';
import { bool, list, reader, str } from '../../../docker/index.ts';
import { flagsOf } from './verb-flags.ts';
import { renderTable } from '../../text/table.ts';
import { volumeNameRefused } from '../volumes.ts';
import { dockerInspect } from './image-cmds.ts';

const USAGE = {
  create: 'docker volume create [OPTIONS] [VOLUME]',
  ls: 'docker volume ls [OPTIONS]',
  rm: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
  inspect: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
} as const;
type Verb = keyof typeof USAGE;

const flags = flagsOf('volume', USAGE);

function needsOne(ctx: CommandContext, verb: Verb): number {
  ctx.io.err(
    `docker: 'docker volume ${verb}' requires at least 1 argument\n\nUsage:  ${USAGE[verb]}\n\nSee 'docker volume ${verb} --help' for more information\n`,
  );
  return 1;
}

export function dockerVolumeCreate(ctx: CommandContext, args: string[]): number {
  const parsed = flags(
    ctx,
    'create',
    args,
    [],
    [str('driver', 'd'), list('label'), list('opt', 'o')],
  );
  if (typeof parsed === 'number') return parsed;
  const names = parsed.positionals;
  if (names.length > 1) {
    ctx.io.err(
      `docker: 'docker volume create' requires at most 1 argument\n\nUsage:  ${USAGE.create}\n\nSRun 'docker volume create --help' for more information\n`,
    );
    return 1;
  }
  const name = names[0] ?? null;
  if (name !== null) {
    const refused =
      volumeNameRefused(name) ??
      (name.length < 2
        ? `create ${name}: volume name is too short, names should be at least two alphanumeric characters`
        : null);
    if (refused) {
      ctx.io.err(`Error response from daemon: ${refused}\n`);
      return 1;
    }
  }
  ctx.io.out(`${ctx.host.engine.volumes.ensure(name).name}\n`);
  return 0;
}

export function dockerVolumeLs(ctx: CommandContext, args: string[]): number {
  const parsed = flags(ctx, 'ls', args, [bool('quiet', 'q')], [str('format'), list('filter', 'f')]);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) {
    ctx.io.err(
      `docker: 'docker volume ls' accepts no arguments\n\nUsage:  ${USAGE.ls}\n\nRun 'docker volume ls --help' for more information\n`,
    );
    return 1;
  }
  const volumes = ctx.host.engine.volumes.all();
  if (reader(parsed).bool('quiet')) ctx.io.out(volumes.map((v) => `${v.name}\n`).join(''));
  else
    ctx.io.out(
      `${renderTable([['DRIVER', 'VOLUME NAME'], ...volumes.map((v) => ['local', v.name])])}\n`,
    );
  return 0;
}

export function dockerVolumeInspect(ctx: CommandContext, args: string[]): number {
  if (!args.some((a) => !a.startsWith('-'))) return needsOne(ctx, 'inspect');
  return dockerInspect(ctx, args, 'volume');
}

export function dockerVolumeRm(ctx: CommandContext, args: string[]): number {
  const parsed = flags(ctx, 'rm', args, [bool('force', 'f')]);
  if (typeof parsed === 'number') return parsed;
  if (!parsed.positionals.length) return needsOne(ctx, 'rm');
  const { engine } = ctx.host;
  const force = reader(parsed).bool('force');
  let code = 0;
  for (const name of parsed.positionals) {
    const users = engine.volumeUsers(name);
    const refused = !engine.volumes.get(name)
      ? force
        ? null
        : `get ${name}: no such volume`
      : users.length
        ? `remove ${name}: volume is in use - [${users.map((c) => c.id).join(' ')}]`
        : null;
    if (refused) {
      ctx.io.err(`Error response from daemon: ${refused}\n`);
      code = 1;
      continue;
    }
    engine.volumes.delete(name);
    ctx.io.out(`${name}\n`);
  }
  return code;
}
