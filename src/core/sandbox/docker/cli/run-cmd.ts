/**
 * `docker run`, `start`, `restart`, `stop`, `rm`, `logs`: the container lifecycle as the CLI
 * shows it. With -d the ID is printed before the start can fail (port taken, missing command);
 * without -d the terminal stays attached to the container's output until it exits or Ctrl+C.
 */
import type { CommandContext } from '../../commands/types.ts';
import {
  bool,
  familiarRef,
  int,
  list,
  parseFlags,
  reader,
  RUN_FLAGS,
  str,
  type Port,
} from '../../../docker/index.ts';
import { pullError } from '../registry.ts';
import type { Container } from '../containers.ts';
import { parsePublish } from '../network-ports.ts';
import { watchedFrom } from '../../commands/watched.ts';
import type { Mount } from '../bind-mount.ts';
import { readMount, readVolume } from './volume-spec.ts';
import { DOCKER_GAP } from '../gaps.ts';
import { notSimulated } from '../../not-simulated.ts';
import { readEnvFiles } from './env-file.ts';
import { attachShell, type Detached } from './attached-shell.ts';
import { attachPython } from './attached-python.ts';
import { terminalEntry } from '../../commands/terminal-entry.ts';
import { ignoresInterrupt, isPythonPrompt, isShell } from '../container-process.ts';
import { MACHINE_CPUS } from '../machine.ts';

type CreateVerb = 'run' | 'create';

/**
 * `--cpus` in billionths of a CPU, as the CLI reads it (Go's big.Rat: a decimal, an exponent, or
 * a fraction `3/2`); the CLI's reason when it is not a number or not a whole count of billionths.
 */
export function nanoCpusOf(text: string): number | string {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  const value = fraction
    ? Number(fraction[1]) / Number(fraction[2])
    : /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)
      ? Number(text)
      : NaN;
  if (!Number.isFinite(value)) return `failed to parse ${text} as a rational number`;
  const nano = value * 1e9;
  if (Math.abs(nano - Math.round(nano)) > 1e-6) return 'value is too precise';
  return Math.round(nano);
}

/** The daemon's floor for `--memory` (6 MiB). */
const MIN_MEMORY = 6 * 1024 ** 2;

/**
 * `--memory`'s size as the CLI reads it (go-units' RAMInBytes): a number, a fraction allowed, then
 * an optional k, m, g, t or p (powers of 1024, any case, an optional `b` or `ib` after it); null
 * for what it refuses (`abc`, `-1`).
 */
export function ramInBytes(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?(?:i?b)?$/i.exec(text);
  if (!m) return null;
  const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.floor(Number(m[1]) * 1024 ** power);
}

/** Network modes the daemon has that are not user-defined networks. */
const MODES = /^(?:bridge|default|host|none|container:.*)$/;

/**
 * `--network` (and `--net`), as the CLI reads them: the default bridge (absent), `none`, or a
 * user-defined network by name (found or not: the start says). Modes and networks cannot be mixed
 * (lab, CLI 28.5); host and another container's namespace are gaps, as is joining several networks.
 */
function readNetwork(values: string[]): { name?: string } | { cli: string } | { gap: string } {
  const given = [...new Set(values)];
  if (given.length > 1)
    return given.some((v) => MODES.test(v))
      ? {
          cli: 'conflicting options: cannot attach both user-defined and non-user-defined network-modes',
        }
      : { gap: given.join(' --network ') };
  const [value] = given;
  if (value === undefined || value === 'bridge' || value === 'default') return {};
  if (value.startsWith('container:')) return { gap: value };
  return { name: value };
}

const withHelp = (verb: CreateVerb, message: string) =>
  `docker: ${message}\n\nRun 'docker ${verb} --help' for more information\n`;

/** Run options the simulator reads beyond RUN_FLAGS (the course's). */
const MORE_RUN_FLAGS = [
  str('workdir', 'w'),
  str('user', 'u'),
  list('env-file'),
  str('restart'),
  list('volume', 'v'),
  list('mount'),
  list('network'),
  list('net'),
  str('memory', 'm'),
  str('cpus'),
  str('entrypoint'),
  str('hostname', 'h'),
];

/** Docker's other run options: known, so they are refused as not simulated rather than unknown. */
const OTHER_RUN_FLAGS = [
  list('label', 'l'),
  str('platform'),
  str('pull'),
  bool('init'),
  bool('privileged'),
  list('add-host'),
  list('cap-add'),
  list('cap-drop'),
  list('device'),
  list('dns'),
  list('expose'),
  str('health-cmd'),
  bool('read-only'),
  list('tmpfs'),
  list('ulimit'),
  list('volumes-from'),
  str('gpus'),
  str('log-driver'),
  str('stop-signal'),
  int('stop-timeout'),
  list('attach', 'a'),
  str('cidfile'),
  str('shm-size'),
  list('security-opt'),
  bool('sig-proxy'),
  bool('quiet', 'q'),
  list('link'),
  str('ip'),
  list('group-add'),
  str('detach-keys'),
];

/** `--restart` (and Compose's `restart:`): a policy, and a retry count for on-failure. */
export const RESTART_POLICY = /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/;

const USAGE = (verb: CreateVerb) => `Usage:  docker ${verb} [OPTIONS] IMAGE [COMMAND] [ARG...]`;

/**
 * What `docker run` and `docker create` share: the options read, the image found, the container
 * made. Refusals in each one's words (lab, CLI 28.5): the CLI's own end `Run 'docker VERB --help'`
 * (125); the daemon's are `docker: Error response …` and 125 for run, plain and 1 for create.
 */
function createFromArgs(
  ctx: CommandContext,
  verb: CreateVerb,
  args: string[],
): { container: Container; detach: boolean } | { exit: number } {
  const flags = verb === 'run' ? RUN_FLAGS : RUN_FLAGS.filter((f) => f.long !== 'detach');
  const result = parseFlags(args, [...flags, ...MORE_RUN_FLAGS, ...OTHER_RUN_FLAGS], false);
  /** pflag's refusal of a flag or its value, with the usage line (125) */
  const flagError = (message: string) => {
    ctx.io.err(
      `${message}\n\n${USAGE(verb)}\n\nRun 'docker ${verb} --help' for more information\n`,
    );
    return { exit: 125 };
  };
  if ('error' in result) return flagError(result.error);
  const cliError = (message: string) => {
    ctx.io.err(withHelp(verb, message));
    return { exit: 125 };
  };
  const daemonError = (message: string) => {
    if (verb === 'run') return cliError(`Error response from daemon: ${message}`);
    ctx.io.err(`Error response from daemon: ${message}\n`);
    return { exit: 1 };
  };
  const parsed = reader(result);
  const other = parsed.given.find((g) => OTHER_RUN_FLAGS.some((f) => f.long === g));
  if (other)
    return { exit: notSimulated(ctx.io, DOCKER_GAP.flags, `docker ${verb} --${other}`, 125) };
  const [imageRef, ...command] = parsed.positionals;
  if (!imageRef) {
    ctx.io.err(
      `docker: 'docker ${verb}' requires at least 1 argument\n\n${USAGE(verb)}\n\nSee 'docker ${verb} --help' for more information\n`,
    );
    return { exit: 1 };
  }
  const publish: Port[] = [];
  for (const p of parsed.list('publish')) {
    const spec = parsePublish(p);
    if (typeof spec === 'string') return cliError(spec);
    publish.push(spec);
  }
  const mounts: Mount[] = [];
  for (const v of parsed.list('volume')) {
    const mount = readVolume(ctx, v);
    if ('gap' in mount)
      return { exit: notSimulated(ctx.io, mount.gap, `docker ${verb} -v ${v}`, 125) };
    if ('cli' in mount) return cliError(mount.cli);
    if ('daemon' in mount) return daemonError(mount.daemon);
    mounts.push(mount);
  }
  for (const m of parsed.list('mount')) {
    const mount = readMount(ctx, m);
    if ('flag' in mount) return flagError(mount.flag);
    if ('gap' in mount)
      return { exit: notSimulated(ctx.io, mount.gap, `docker ${verb} --mount ${m}`, 125) };
    if ('cli' in mount) return cliError(mount.cli);
    if ('daemon' in mount) return daemonError(mount.daemon);
    mounts.push(mount);
  }
  const restartText = parsed.string('restart') ?? 'no';
  const restart = RESTART_POLICY.exec(restartText);
  if (!restart || (restart[2] !== undefined && restart[1] !== 'on-failure'))
    return daemonError(
      `invalid restart policy: unknown policy '${restartText}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
    );
  const memoryText = parsed.string('memory');
  const memory = memoryText === undefined ? 0 : ramInBytes(memoryText);
  if (memory === null)
    return flagError(
      `invalid argument "${memoryText}" for "-m, --memory" flag: invalid size: '${memoryText}'`,
    );
  if (memory > 0 && memory < MIN_MEMORY) return daemonError('Minimum memory limit allowed is 6MB');
  const cpusText = parsed.string('cpus');
  const nanoCpus = cpusText === undefined ? 0 : nanoCpusOf(cpusText);
  if (typeof nanoCpus === 'string')
    return flagError(`invalid argument "${cpusText}" for "--cpus" flag: ${nanoCpus}`);
  if (nanoCpus < 0 || nanoCpus > MACHINE_CPUS * 1e9)
    return daemonError(
      `range of CPUs is from 0.01 to ${MACHINE_CPUS.toFixed(2)}, as there are only ${MACHINE_CPUS} CPUs available`,
    );
  const network = readNetwork([...parsed.list('network'), ...parsed.list('net')]);
  if ('gap' in network)
    return {
      exit: notSimulated(
        ctx.io,
        DOCKER_GAP.networkModes,
        `docker ${verb} --network ${network.gap}`,
        125,
      ),
    };
  if ('cli' in network) return cliError(network.cli);
  const fromFiles = readEnvFiles(ctx, parsed.list('env-file'));
  if ('error' in fromFiles) return cliError(fromFiles.error.replace(/^docker: /, ''));
  const tty = parsed.bool('tty');
  const interactive = parsed.bool('interactive');
  // Only an attached run connects the terminal: create, and run -d, need none (lab: -dit runs without one).
  const attached = verb === 'run' && !parsed.bool('detach');
  if (attached && tty && interactive && !ctx.io.tty) {
    ctx.io.err('the input device is not a TTY\n');
    return { exit: 1 };
  }
  const entrypoint = parsed.string('entrypoint');
  const hostname = parsed.string('hostname');
  const engine = ctx.host.engine;
  const image = engine.images.find(imageRef);
  if (!image) {
    ctx.io.err(`Unable to find image '${familiarRef(imageRef)}' locally\n`);
    // The browser has no registry: the pull fails as it does on an engine that cannot reach one.
    return daemonError(pullError(imageRef));
  }
  const created = engine.create({
    image,
    imageRef,
    name: parsed.string('name') ?? null,
    command,
    publish,
    publishAll: parsed.bool('publish-all'),
    env: [...fromFiles.entries, ...parsed.list('env')],
    autoRemove: parsed.bool('rm'),
    workingDir: parsed.string('workdir') ?? null,
    user: parsed.string('user') ?? null,
    mounts,
    restart: { name: restart[1]!, maximumRetryCount: Number(restart[2] ?? 0) },
    tty,
    openStdin: interactive,
    stdin: attached && interactive ? ctx.io.stdin : null,
    ...(network.name ? { network: network.name } : {}),
    ...(memory ? { memory } : {}),
    ...(nanoCpus ? { nanoCpus } : {}),
    ...(entrypoint === undefined ? {} : { entrypoint }),
    ...(hostname ? { hostname } : {}),
  });
  if ('error' in created) return daemonError(created.error);
  // The daemon's warning, which the CLI prints (lab, Engine 28.5: -p with --network host).
  if (network.name === 'host' && (publish.length || parsed.bool('publish-all')))
    ctx.io.err('WARNING: Published ports are discarded when using host network mode\n');
  return { container: created, detach: verb === 'run' && parsed.bool('detach') };
}

/** `docker create`: the container, not started; its full ID. */
export function dockerCreate(ctx: CommandContext, args: string[]): number {
  const made = createFromArgs(ctx, 'create', args);
  if ('exit' in made) return made.exit;
  ctx.io.out(`${made.container.id}\n`);
  return 0;
}

export async function dockerRun(ctx: CommandContext, args: string[]): Promise<number> {
  const made = createFromArgs(ctx, 'run', args);
  if ('exit' in made) return made.exit;
  const { container: created, detach } = made;
  if (detach) ctx.io.out(`${created.id}\n`);
  const follow = (text: string) => ctx.io.out(text);
  if (!detach) created.followers.add(follow);
  const started = await ctx.host.engine.start(created);
  if (!started.ok) {
    created.followers.delete(follow);
    if (created.autoRemove) ctx.host.engine.remove(created);
    ctx.io.err(withHelp('run', `Error response from daemon: ${started.message}`));
    return started.exitCode;
  }
  if (detach) return 0;
  return joinContainer(ctx, created, follow, true);
}

/** Ctrl+P Ctrl+Q out of `docker run -it` or `start -ai`: nothing printed, status 0 (lab, CLI 28.5). */
const QUIET_DETACH: Detached = { message: '', code: 0 };

/**
 * The terminal joins a started container (`docker run` attached, `start -a`, `attach`): with its
 * stdin (`withStdin`, and the container's `-i`), a shell of its own takes the keyboard
 * (attached-shell.ts); otherwise its output follows until it stops.
 */
export function joinContainer(
  ctx: CommandContext,
  c: Container,
  follow: (text: string) => void,
  withStdin: boolean,
  detached: Detached = QUIET_DETACH,
): Promise<number> {
  const enter = withStdin && c.openStdin ? terminalEntry(ctx) : null;
  if (enter && isShell(c.argv)) {
    c.followers.delete(follow);
    return attachShell(ctx, c, enter, detached);
  }
  if (enter && isPythonPrompt(c.argv)) {
    c.followers.delete(follow);
    return attachPython(ctx, c, enter, detached);
  }
  return attach(ctx, c, follow);
}

/** Waits for the container to exit (stopped from elsewhere, or done), or for Ctrl+C, which stops it (the CLI proxies SIGINT). */
async function attach(
  ctx: CommandContext,
  c: Container,
  follow: (text: string) => void,
): Promise<number> {
  // A script that ends by itself is over before anything else is asked (its clock moves there).
  const watched = watchedFrom(ctx.job);
  const stopped = ctx.host.engine.untilExit(c, watched);
  if (c.state === 'running' && !watched) {
    c.followers.delete(follow);
    c.followers.add(ctx.job.later);
    return 0;
  }
  const interrupted = ctx.job.interrupted.then(() => 'interrupted' as const);
  let code: number | null = null;
  if ((await Promise.race([stopped, interrupted])) === 'interrupted') {
    ctx.io.out('^C');
    const engine = ctx.host.engine;
    if (engine.interruptShellScript(c)) await stopped;
    else if (c.script && ignoresInterrupt(c.argv)) code = await outlastInterrupts(ctx, stopped);
    else engine.stop(c);
  }
  c.followers.delete(follow);
  return code ?? c.exitCode;
}

/**
 * PID 1 ignores the SIGINT the CLI passes on: the CLI stays attached, each Ctrl+C echoed, and at
 * the third gives up waiting with exit 1, the container still up (lab, CLI 28.5:
 * run-sleep-ctrl-c.txt). Null when the container stopped first (stopped from another terminal).
 */
function outlastInterrupts(ctx: CommandContext, stopped: Promise<void>): Promise<number | null> {
  return new Promise((resolve) => {
    let presses = 1;
    const off =
      ctx.job.onInterrupt?.(() => {
        ctx.io.out('^C');
        if (++presses < 3) return;
        off();
        ctx.io.err('\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n');
        resolve(1);
      }) ?? (() => {});
    void stopped.then(() => {
      off();
      resolve(null);
    });
  });
}

const LIFECYCLE_FLAGS = {
  start: [bool('attach', 'a'), bool('interactive', 'i')],
  stop: [int('time', 't'), str('signal', 's')],
  restart: [int('time', 't'), str('signal', 's')],
  kill: [str('signal', 's')],
  rm: [bool('force', 'f'), bool('volumes', 'v'), bool('link', 'l')],
} as const;

export type LifecycleVerb = keyof typeof LIFECYCLE_FLAGS;

export async function lifecycle(
  ctx: CommandContext,
  verb: LifecycleVerb,
  args: string[],
): Promise<number> {
  const parsed = parseFlags(args, LIFECYCLE_FLAGS[verb]);
  if ('error' in parsed) {
    ctx.io.err(`${parsed.error}\nSee 'docker ${verb} --help'.\n`);
    return 125;
  }
  if (verb === 'start' && reader(parsed).bool('attach'))
    return startAttached(ctx, parsed.positionals, reader(parsed).bool('interactive'));
  const force = reader(parsed).bool('force');
  const grace = reader(parsed).int('time');
  const refs = parsed.positionals;
  if (refs.length === 0) {
    ctx.io.err(
      `docker: 'docker ${verb}' requires at least 1 argument\n\nUsage:  docker ${verb} [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker ${verb} --help' for more information\n`,
    );
    return 1;
  }
  let code = 0;
  const engine = ctx.host.engine;
  for (const ref of refs) {
    const c = engine.findContainer(ref);
    if (!c) {
      // Docker 28's words per verb; rm -f of a missing container says so but succeeds.
      ctx.io.err(
        verb === 'kill'
          ? `Error response from daemon: cannot kill container: ${ref}: No such container: ${ref}\n`
          : `Error response from daemon: No such container: ${ref}\n`,
      );
      if (verb === 'start') ctx.io.err(`Error: failed to start containers: ${ref}\n`);
      if (!(verb === 'rm' && force)) code = 1;
      continue;
    }
    if (verb === 'rm' && c.state === 'running' && !force) {
      ctx.io.err(
        c.paused
          ? `Error response from daemon: cannot remove container "${ref}": container is paused and must be unpaused first\n`
          : `Error response from daemon: cannot remove container "${ref}": container is running: stop the container before removing or force remove\n`,
      );
      code = 1;
      continue;
    }
    if (verb === 'start' && c.paused) {
      ctx.io.err(
        `Error response from daemon: cannot start a paused container, try unpause instead\nError: failed to start containers: ${ref}\n`,
      );
      code = 1;
      continue;
    }
    if (verb === 'kill') {
      if (c.state !== 'running') {
        ctx.io.err(
          `Error response from daemon: cannot kill container: ${ref}: container ${c.id} is not running\n`,
        );
        code = 1;
        continue;
      }
      engine.kill(c);
    }
    if (verb === 'stop' || verb === 'restart') engine.stop(c, grace);
    if (verb === 'rm') engine.remove(c);
    if (verb === 'start' || verb === 'restart') {
      const started = await engine.start(c);
      if (!started.ok) {
        ctx.io.err(
          `Error response from daemon: ${started.message}\nError: failed to start containers: ${ref}\n`,
        );
        code = 1;
        continue;
      }
    }
    ctx.io.out(`${ref}\n`);
  }
  return code;
}

/**
 * `docker start -a`: one container, its output in the terminal until it exits, and its exit code
 * (lab, Engine 28.5); no name is printed.
 */
async function startAttached(
  ctx: CommandContext,
  refs: string[],
  interactive: boolean,
): Promise<number> {
  if (refs.length !== 1) {
    ctx.io.err(
      refs.length
        ? 'you cannot start and attach multiple containers at once\n'
        : "docker: 'docker start' requires at least 1 argument\n\nUsage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker start --help' for more information\n",
    );
    return 1;
  }
  const ref = refs[0]!;
  const engine = ctx.host.engine;
  const c = engine.findContainer(ref);
  if (!c) {
    ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
    return 1;
  }
  const follow = (text: string) => ctx.io.out(text);
  c.followers.add(follow);
  const started = await engine.start(c);
  if (!started.ok) {
    c.followers.delete(follow);
    ctx.io.err(
      `Error response from daemon: ${started.message}\nError: failed to start containers: ${ref}\n`,
    );
    return 1;
  }
  // `docker start -ai` of a `-it` shell: a new shell at the terminal (lab: its prompt, exit 2 → 2).
  return joinContainer(ctx, c, follow, interactive);
}
