/** `docker …`: routes a subcommand (and its `docker image|container …` management form) to its handler. */
import type { Command, CommandContext } from '../../commands/types.ts';
import { lazyModule } from '../../../lazy-module.ts';
import {
  SUBCOMMANDS,
  subcommandHelp,
  type ManagementCommand,
  type TopCommand,
} from './subcommands.ts';
import { dockerBuild } from './build-cmd.ts';
import { dockerCreate, dockerRun, lifecycle } from './run-cmd.ts';
import { dockerAttach } from './attach-cmd.ts';
import { dockerPause, dockerUnpause } from './pause-cmds.ts';
import { dockerTop } from './top-cmd.ts';
import { dockerStats } from './stats-cmd.ts';
import { dockerLogs } from './logs-cmd.ts';
import { dockerWait } from './wait-cmd.ts';
import { dockerRename } from './rename-cmd.ts';
import { dockerDiff } from './diff-cmd.ts';
import { dockerExec } from './exec-cmd.ts';
import { dockerCp, dockerPull, notSimulatedCommand } from './misc-cmds.ts';
import {
  dockerContainerPrune,
  dockerImagePrune,
  dockerSystemPrune,
  dockerNetworkPrune,
  dockerVolumePrune,
} from './prune-cmds.ts';
import { dockerHistory, dockerImages, dockerPort, dockerPs } from './list-cmds.ts';
import {
  dockerNetworkCreate,
  dockerNetworkLs,
  dockerNetworkOther,
  dockerNetworkRm,
  dockerNetworkInspect,
} from './network-cmds.ts';
import { dockerInspect, dockerRmi, dockerTag } from './image-cmds.ts';
import { dockerInfo, dockerVersion } from './system-cmds.ts';
import { dockerBuilderPrune, dockerSystemDf } from './disk-usage.ts';
import {
  dockerVolumeCreate,
  dockerVolumeInspect,
  dockerVolumeLs,
  dockerVolumeRm,
} from './volume-cmds.ts';

type Handler = (ctx: CommandContext, args: string[]) => number | Promise<number>;

// Compose (with its YAML parser) loads the first time a learner types `docker compose`.
const compose = lazyModule(() => import('../compose/compose-cmd.ts'));

async function dockerCompose(ctx: CommandContext, args: string[]): Promise<number> {
  const code = await compose.get().catch(() => null);
  if (!code) {
    ctx.io.err(
      'docker compose: the sandbox could not load Compose (is the page offline?): run the command again, or reload the page\n',
    );
    return 1;
  }
  return code.dockerCompose(ctx, args);
}

const HANDLERS: Record<TopCommand, Handler> = {
  build: dockerBuild,
  run: dockerRun,
  create: dockerCreate,
  ps: dockerPs,
  images: dockerImages,
  history: dockerHistory,
  port: dockerPort,
  logs: dockerLogs,
  tag: dockerTag,
  rmi: dockerRmi,
  inspect: (ctx, args) => dockerInspect(ctx, args, null),
  start: (ctx, args) => lifecycle(ctx, 'start', args),
  stop: (ctx, args) => lifecycle(ctx, 'stop', args),
  restart: (ctx, args) => lifecycle(ctx, 'restart', args),
  rm: (ctx, args) => lifecycle(ctx, 'rm', args),
  kill: (ctx, args) => lifecycle(ctx, 'kill', args),
  exec: dockerExec,
  attach: dockerAttach,
  wait: dockerWait,
  rename: dockerRename,
  diff: dockerDiff,
  top: dockerTop,
  stats: dockerStats,
  pause: dockerPause,
  unpause: dockerUnpause,
  cp: dockerCp,
  pull: dockerPull,
  version: dockerVersion,
  info: dockerInfo,
};

/** `docker image ls`, `docker container ps`, …: the management commands' verbs. */
const MANAGEMENT: Record<ManagementCommand, Record<string, Handler>> = {
  image: {
    ls: dockerImages,
    list: dockerImages,
    build: dockerBuild,
    history: dockerHistory,
    inspect: (c, a) => dockerInspect(c, a, 'image'),
    rm: dockerRmi,
    tag: dockerTag,
    prune: dockerImagePrune,
    pull: dockerPull,
  },
  container: {
    ls: dockerPs,
    list: dockerPs,
    ps: dockerPs,
    run: dockerRun,
    create: dockerCreate,
    logs: dockerLogs,
    port: dockerPort,
    inspect: (c, a) => dockerInspect(c, a, 'container'),
    start: HANDLERS['start'],
    stop: HANDLERS['stop'],
    restart: HANDLERS['restart'],
    rm: HANDLERS['rm'],
    kill: HANDLERS['kill'],
    exec: dockerExec,
    attach: dockerAttach,
    wait: dockerWait,
    rename: dockerRename,
    diff: dockerDiff,
    top: dockerTop,
    stats: dockerStats,
    pause: dockerPause,
    unpause: dockerUnpause,
    cp: dockerCp,
    prune: dockerContainerPrune,
  },
  builder: { build: dockerBuild, prune: dockerBuilderPrune },
  buildx: { build: dockerBuild, prune: dockerBuilderPrune },
  system: { df: dockerSystemDf, info: dockerInfo, prune: dockerSystemPrune },
  network: {
    ls: dockerNetworkLs,
    list: dockerNetworkLs,
    create: dockerNetworkCreate,
    rm: dockerNetworkRm,
    remove: dockerNetworkRm,
    prune: dockerNetworkPrune,
    inspect: dockerNetworkInspect,
    connect: dockerNetworkOther('connect'),
    disconnect: dockerNetworkOther('disconnect'),
  },
  volume: {
    create: dockerVolumeCreate,
    ls: dockerVolumeLs,
    list: dockerVolumeLs,
    inspect: dockerVolumeInspect,
    rm: dockerVolumeRm,
    remove: dockerVolumeRm,
    prune: dockerVolumePrune,
  },
};

export const docker: Command = (ctx) => {
  // What containers' own clocks have reached by now shows first (a script that slept to its end).
  ctx.host.engine.settle();
  const [sub, ...rest] = ctx.args;
  if (!sub || sub === '--help') {
    ctx.io.out(
      `\nUsage:  docker [OPTIONS] COMMAND\n\nCommands in the sandbox:\n  ${SUBCOMMANDS.join(', ')}\n`,
    );
    return 0;
  }
  if (sub === '--version' || sub === '-v') {
    ctx.io.out('Docker version 28.5.2+dfsg4, build 9cc6dea35e9a963f281434761c656fba4ac43aed\n');
    return 0;
  }
  const group = isManagement(sub) ? MANAGEMENT[sub] : undefined;
  if (group) {
    const [verb, ...args] = rest;
    if (verb === undefined || verb === '--help') {
      ctx.io.out(
        `\nUsage:  docker ${sub} COMMAND\n\nCommands in the sandbox:\n  ${Object.keys(group).join(', ')}\n`,
      );
      return 0;
    }
    const handler = group[verb];
    if (handler) return handler(ctx, args);
    if (OTHER_VERBS.includes(verb)) return notSimulatedCommand(ctx, `docker ${sub} ${verb}`);
    // The CLI's words (lab): volume's usage line alone says COMMAND.
    ctx.io.err(
      `docker: unknown command: docker ${sub} ${verb}\n\nUsage:  docker ${sub}${sub === 'volume' ? ' COMMAND' : ''}\n\nRun 'docker ${sub} --help' for more information\n`,
    );
    return 1;
  }
  if (isTop(sub)) {
    if (rest[0] === '--help') {
      ctx.io.out(subcommandHelp(sub));
      return 0;
    }
    return HANDLERS[sub](ctx, rest);
  }
  if (sub === 'compose') return dockerCompose(ctx, rest);
  if (OTHER_COMMANDS.includes(sub)) return notSimulatedCommand(ctx, `docker ${sub}`);
  ctx.io.err(
    `docker: unknown command: docker ${sub}\n\nRun 'docker --help' for more information\n`,
  );
  return 1;
};

/** Docker's own commands the sandbox does not have: refused as not simulated, not as unknown. */
const OTHER_COMMANDS = [
  'login',
  'logout',
  'push',
  'save',
  'load',
  'import',
  'export',
  'commit',
  'events',
  'update',
  'context',
  'search',
  'plugin',
  'swarm',
  'node',
  'service',
  'stack',
  'secret',
  'config',
  'trust',
  'manifest',
  'init',
  'scout',
  'debug',
];
/** Verbs of the management commands (`docker image push`, `docker buildx bake`) the sandbox lacks. */
const OTHER_VERBS = [...OTHER_COMMANDS, 'bake', 'imagetools', 'du', 'ls', 'info', 'prune'];

const isTop = (word: string): word is TopCommand => Object.hasOwn(HANDLERS, word);
const isManagement = (word: string): word is ManagementCommand => Object.hasOwn(MANAGEMENT, word);
