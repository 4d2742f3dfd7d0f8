/**
 * `docker compose` (Compose 2.40, lab): up, down, ps, logs, build, start, stop, restart, kill, rm,
 * exec, config --services/-q and version on the project's Compose file, with the simulated engine
 * underneath. Compose names things after the project folder (`demo`): the image `demo-web`, the
 * container `demo-web-1`, the network `demo_default`; its labels find them again. Loaded the first
 * time a learner types `docker compose` (it brings a YAML parser).
 */
import type { CommandContext } from '../../commands/types.ts';
import type { Container } from '../containers.ts';
import { portRows, statusText } from '../containers.ts';
import { commandText } from '../container-process.ts';
import { pullError } from '../registry.ts';
import { parsePublish } from '../network-ports.ts';
import { readVolume } from '../cli/volume-spec.ts';
import { dockerExec } from '../cli/exec-cmd.ts';
import { RESTART_POLICY } from '../cli/run-cmd.ts';
import { renderPlain, renderTty } from '../format/build-progress.ts';
import { vertex } from '../build/types.ts';
import { hashParts } from '../../host/sha256.ts';
import { humanDuration, humanSize } from '../../text/human.ts';
import { dirname, isWithin, relativeTo, resolvePath } from '../../../text/index.ts';
import { ellipsis, renderTable } from '../../text/table.ts';
import { notSimulated } from '../../not-simulated.ts';
import { DOCKER_GAP } from '../gaps.ts';
import { displayPorts, joinHostPort, type Port } from '../../../docker/index.ts';
import {
  loadCompose,
  projectName,
  validProjectName,
  type ComposeProject,
  type ServiceSpec,
  type WatchRule,
} from './compose-file.ts';
import { ComposeProgress } from './compose-progress.ts';
import { COMPOSE_COMMANDS, COMPOSE_USAGE } from './compose-usage.ts';
import type { ComposeSubcommand } from '../cli/subcommands.ts';

const isOwn = (sub: string): sub is Exclude<ComposeSubcommand, 'version'> =>
  Object.hasOwn(SUBCOMMANDS, sub);

const VERSION = '2.40.3-3';
const LABEL = 'com.docker.compose';

type Sub = (ctx: CommandContext, project: ComposeProject, args: string[]) => Promise<number>;

// Typed by the names Tab completion offers, so the two cannot drift.
const SUBCOMMANDS: Record<Exclude<ComposeSubcommand, 'version'>, Sub> = {
  up,
  down,
  ps,
  logs,
  build: buildCommand,
  start,
  stop,
  restart,
  kill,
  rm,
  exec,
  config,
  port,
  images,
  watch,
};

/** Compose's own options before the command: `-f FILE` and `-p NAME`, as pflag reads them. */
interface Globals {
  files: string[];
  project: string;
  rest: string[];
}

function readGlobals(args: string[]): Globals | { error: string } | { gap: string } {
  const globals: Globals = { files: [], project: '', rest: [] };
  const SHORT = { f: 'file', p: 'project-name' } as const;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-' || a === '--help') break;
    const long = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    const short = /^-(\w)(.*)$/.exec(a);
    const name = long ? long[1]! : short ? SHORT[short[1] as keyof typeof SHORT] : undefined;
    if (name !== 'file' && name !== 'project-name') return { gap: a };
    let value = long ? long[2] : short![2] || undefined;
    if (value === undefined) {
      value = args[++i];
      if (value === undefined)
        return {
          error: long
            ? `flag needs an argument: --${name}`
            : `flag needs an argument: '${short![1]}' in -${short![1]}`,
        };
    }
    if (name === 'file') globals.files.push(value);
    else globals.project = value;
  }
  globals.rest = args.slice(i);
  return globals;
}

/** Commands that read the whole project refuse a `-p` name Compose would have to change; the others look containers up by it, changed. */
const STRICT_NAME = new Set(['up', 'build', 'config', 'exec', 'watch']);

export async function dockerCompose(ctx: CommandContext, args: string[]): Promise<number> {
  const globals = readGlobals(args);
  if ('gap' in globals)
    return notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose ${globals.gap}`);
  if ('error' in globals) {
    ctx.io.err(`${globals.error}\n`);
    return 1;
  }
  const [sub, ...rest] = globals.rest;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    ctx.io.out(COMPOSE_USAGE);
    return 0;
  }
  if (sub === 'version') {
    ctx.io.out(rest.includes('--short') ? `${VERSION}\n` : `Docker Compose version ${VERSION}\n`);
    return 0;
  }
  const handler = isOwn(sub) ? SUBCOMMANDS[sub] : undefined;
  if (!handler) {
    if (COMPOSE_COMMANDS.includes(sub))
      return notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose ${sub}`);
    ctx.io.err(`${COMPOSE_USAGE}unknown docker command: "compose ${sub}"\n`);
    return 1;
  }
  const parser = await ctx.host.yaml?.().catch(() => null);
  if (!parser) {
    ctx.io.err(
      'docker compose: the sandbox could not load its YAML parser (is the page offline?): run the command again, or reload the page\n',
    );
    return 1;
  }
  const files = [...new Set(globals.files.map((f) => resolvePath(ctx.shell.cwd, f)))];
  // Compose opens each file in turn: a missing one is its error before any merging.
  const missing = files.find((f) => ctx.fs.stat(f)?.kind !== 'file');
  if (files.length > 1 && !missing)
    return notSimulated(ctx.io, DOCKER_GAP.compose, 'docker compose with more than one -f file');
  let name = globals.project || undefined;
  if (name !== undefined && !validProjectName(name)) {
    if (STRICT_NAME.has(sub)) {
      ctx.io.err(
        `invalid project name "${name}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number\n`,
      );
      return 1;
    }
    name = projectName(name);
  }
  const project = loadCompose(ctx.fs, ctx.shell.cwd, parser, {
    ...((missing ?? files[0]) ? { file: missing ?? files[0]! } : {}),
    ...(name ? { project: name } : {}),
  });
  if ('error' in project) {
    ctx.io.err(`${project.error}\n`);
    return 1;
  }
  if ('gap' in project)
    return notSimulated(ctx.io, DOCKER_GAP.composeKeys, `docker compose with ${project.gap}`);
  const warn = (msg: string) => warning(ctx, msg);
  if (project.alsoFound.length) {
    warn(
      `Found multiple config files with supported names: ${[project.file, ...project.alsoFound].join(', ')}`,
    );
    warn(`Using ${project.file}`);
  }
  for (const w of project.warnings) warn(w);
  return handler(ctx, project, rest);
}

/** Compose's warning line (logrus's text format). */
function warning(ctx: CommandContext, msg: string): void {
  ctx.io.err(
    `time="${new Date(ctx.host.clock.now()).toISOString().slice(0, 19)}Z" level=warning msg="${msg}"\n`,
  );
}

function unknownFlag(ctx: CommandContext, message: string): number {
  ctx.io.err(`${message}\n`);
  return 1;
}

/** Flags a subcommand takes, read simply: `-d`, `--build`; anything else is refused as a gap. */
function readFlags(
  ctx: CommandContext,
  sub: string,
  args: string[],
  known: Record<string, string>,
): { flags: Set<string>; services: string[] } | { exit: number } {
  const flags = new Set<string>();
  const services: string[] = [];
  for (const a of args) {
    if (!a.startsWith('-') || a === '-') {
      services.push(a);
      continue;
    }
    // -sf: each letter its own flag
    const names = a.startsWith('--') ? [a] : [...a.slice(1)].map((l) => `-${l}`);
    for (const n of names) {
      const long = known[n];
      // Compose's own -p, -f and their long names go before the command; after it, no command
      // but logs (-f) and rm (-f) knows them, and pflag says so.
      if (!long && (n === '-p' || n === '-f'))
        return { exit: unknownFlag(ctx, `unknown shorthand flag: '${n[1]}' in ${n}`) };
      if (!long && /^--(?:project-name|file)(?:=|$)/.test(n))
        return { exit: unknownFlag(ctx, `unknown flag: ${n.split('=')[0]}`) };
      if (!long)
        return { exit: notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose ${sub} ${a}`) };
      flags.add(long);
    }
  }
  return { flags, services };
}

/** A subcommand's flags and the services it names (all when none), or the status after an error. */
function commandLine(
  ctx: CommandContext,
  project: ComposeProject,
  sub: string,
  args: string[],
  known: Record<string, string>,
): { flags: Set<string>; services: ServiceSpec[] } | { exit: number } {
  const read = readFlags(ctx, sub, args, known);
  if ('exit' in read) return read;
  const services = selected(ctx, project, read.services);
  return services ? { flags: read.flags, services } : { exit: 1 };
}

function selected(
  ctx: CommandContext,
  project: ComposeProject,
  names: string[],
): ServiceSpec[] | null {
  for (const n of names)
    if (!project.services.some((s) => s.name === n)) {
      ctx.io.err(`no such service: ${n}\n`);
      return null;
    }
  return names.length
    ? project.services.filter((s) => names.includes(s.name))
    : [...project.services].sort((a, b) => a.name.localeCompare(b.name));
}

const networkName = (project: ComposeProject) => `${project.name}_default`;
const containerName = (project: ComposeProject, s: ServiceSpec) =>
  s.containerName ?? `${project.name}-${s.name}-1`;

/** The project's containers for the services, as Compose finds them: by its labels. */
function containersOf(ctx: CommandContext, project: ComposeProject, services?: ServiceSpec[]) {
  const names = services?.map((s) => s.name);
  return ctx.host.engine.containers
    .filter(
      (c) =>
        c.labels?.[`${LABEL}.project`] === project.name &&
        (!names || names.includes(c.labels[`${LABEL}.service`] ?? '')),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `web-1`, or the container_name: what Compose prefixes each log line with. */
function logName(c: Container): string {
  const service = c.labels?.[`${LABEL}.service`] ?? c.name;
  const own = `${c.labels?.[`${LABEL}.project`]}-${service}-${c.labels?.[`${LABEL}.container-number`]}`;
  return c.name === own ? `${service}-${c.labels?.[`${LABEL}.container-number`]}` : c.name;
}

/** What the container was made from: a change means Compose recreates it. */
const configHash = (s: ServiceSpec) => hashParts('compose-config', JSON.stringify(s));

/** The bytes of the bake definition Compose sends buildx on stdin (lab: 396 + paths + 4 × names). */
function bakeBytes(project: ComposeProject, s: ServiceSpec): number {
  const dockerfile = `${s.build!.context}/${s.build!.dockerfile}`;
  return (
    396 + s.build!.context.length + dockerfile.length + 4 * (project.name.length + s.name.length)
  );
}

/** Builds the service's image as Compose does (through bake); false when the build failed. */
async function buildService(
  ctx: CommandContext,
  project: ComposeProject,
  s: ServiceSpec,
  quiet: boolean,
  plain = !ctx.io.tty,
): Promise<boolean> {
  const build = s.build!;
  const outcome = await ctx.host.engine.build({
    contextDir: build.context,
    dockerfile: `${build.context}/${build.dockerfile}`,
    tags: [s.image],
    noCache: false,
    buildArgs: new Map(),
  });
  const bake = vertex('[internal] load local bake definitions', 'done');
  bake.subs.push({ text: `reading from stdin ${bakeBytes(project, s)}B`, seconds: 0 });
  const shown = {
    ...outcome,
    vertices: [
      bake,
      ...outcome.vertices,
      ...(outcome.failure ? [] : [vertex('resolving provenance for metadata file', 'done')]),
    ],
  };
  if (!quiet || outcome.failure)
    ctx.io.err(
      plain
        ? renderPlain(shown, { compose: true })
        : renderTty(shown, ctx.io.cols, { compose: true }),
    );
  return !outcome.failure;
}

/** Builds what needs building, or fails as Compose does for an image it cannot pull. */
async function ensureImages(
  ctx: CommandContext,
  project: ComposeProject,
  services: ServiceSpec[],
  progress: ComposeProgress,
  mode: { build: boolean; noBuild: boolean },
): Promise<boolean> {
  const engine = ctx.host.engine;
  for (const s of services) {
    // Compose asks the daemon for the image first: a name it cannot parse ends there (lab).
    if (/[A-Z]/.test(s.image)) {
      ctx.io.err(
        `unable to get image '${s.image}': Error response from daemon: invalid reference format: repository name (library/${s.image}) must be lowercase\n`,
      );
      return false;
    }
    const have = engine.images.find(s.image);
    if (s.build && (mode.build || (!have && !mode.noBuild))) {
      if (!(await buildService(ctx, project, s, false))) return false;
      progress.end(s.image, 'Built', 0);
    } else if (!have) {
      // The browser has no registry: the pull fails as on an engine that cannot reach one.
      const error = pullError(s.image);
      ctx.io.err(
        ` ${s.name} Pulling \n ${s.name} Error ${error}\nError response from daemon: ${error}\n`,
      );
      return false;
    }
  }
  return true;
}

/** A service's container, made as Compose makes it; the daemon's refusal otherwise. */
function createContainer(
  ctx: CommandContext,
  project: ComposeProject,
  s: ServiceSpec,
): Container | { error: string } {
  const engine = ctx.host.engine;
  const image = engine.images.find(s.image)!;
  const publish = publishOf(s);
  if ('error' in publish) return publish;
  const inProject = { ...ctx, shell: { ...ctx.shell, cwd: project.dir } };
  const mounts = [];
  for (const b of s.binds) {
    const m = readVolume(inProject, `${b.source}:${b.target}${b.mode ? `:${b.mode}` : ''}`);
    if (!('type' in m))
      return { error: 'cli' in m ? m.cli : 'daemon' in m ? m.daemon : m.gap.feature };
    // Compose makes a missing host folder, as -v does.
    if (!ctx.fs.stat(m.source)) ctx.fs.mkdir(m.source, { parents: true });
    mounts.push(m);
  }
  const restart = RESTART_POLICY.exec(s.restart ?? 'no');
  const made = engine.create({
    image,
    imageRef: s.image,
    name: containerName(project, s),
    command: s.command ?? [],
    publish,
    publishAll: false,
    env: s.environment,
    autoRemove: false,
    workingDir: s.workingDir,
    user: s.user,
    mounts,
    restart: { name: restart?.[1] ?? 'no', maximumRetryCount: Number(restart?.[2] ?? 0) },
    tty: s.tty,
    openStdin: s.stdinOpen,
    stdin: null,
    network: networkName(project),
    labels: {
      [`${LABEL}.config-hash`]: configHash(s),
      [`${LABEL}.container-number`]: '1',
      [`${LABEL}.depends_on`]: '',
      [`${LABEL}.image`]: image.id,
      [`${LABEL}.oneoff`]: 'False',
      [`${LABEL}.project`]: project.name,
      [`${LABEL}.project.config_files`]: project.file,
      [`${LABEL}.project.working_dir`]: project.dir,
      [`${LABEL}.service`]: s.name,
      [`${LABEL}.version`]: VERSION.replace(/-\d+$/, ''),
    },
  });
  // The daemon's refusals (a name in use) come as its response, as the CLI prints them.
  return 'error' in made ? { error: `Error response from daemon: ${made.error}` } : made;
}

/** The service's `ports:` as bindings, or Compose's words for one it cannot read (`Invalid containerPort: 80000`). */
function publishOf(s: ServiceSpec): Port[] | { error: string } {
  const publish: Port[] = [];
  for (const p of s.ports) {
    const spec = parsePublish(p);
    if (typeof spec === 'string') return { error: spec.replace(/^invalid/, 'Invalid') };
    publish.push(spec);
  }
  return publish;
}

/**
 * Stops a container with Compose's `Stopping`/`Stopped` events, timed on the simulated clock:
 * Uvicorn at once, a shell or sleep the 10 s grace, one stopped already none. Returns the seconds.
 */
function stopWithEvents(ctx: CommandContext, c: Container, progress: ComposeProgress): number {
  const seconds = c.state !== 'running' ? 0 : c.script ? 10.3 : 0.3;
  progress.begin(`Container ${c.name}`, 'Stopping');
  ctx.host.engine.stop(c);
  progress.end(`Container ${c.name}`, 'Stopped', seconds);
  return seconds;
}

/**
 * What Compose prefixes a container's log lines with: its name padded to the widest, ` | `, in
 * cyan on a terminal (`web-1  | `); nothing with --no-log-prefix.
 */
function logPrefixes(ctx: CommandContext, containers: Container[], bare = false) {
  const names = containers.map(logName);
  const width = Math.max(0, ...names.map((n) => n.length));
  return (i: number) => {
    if (bare) return '';
    const prefix = `${names[i]!.padEnd(width)}  | `;
    return ctx.io.tty ? `\x1b[36m${prefix}\x1b[0m` : prefix;
  };
}

/** Follows each container's output, a whole line at a time with its prefix; returns the undo. */
function followLines(
  ctx: CommandContext,
  containers: Container[],
  prefix: (i: number) => string,
): () => void {
  const undo = containers.map((c, i) => {
    let partial = '';
    const follow = (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) ctx.io.out(`${prefix(i)}${line}\n`);
    };
    c.followers.add(follow);
    return () => c.followers.delete(follow);
  });
  return () => undo.forEach((u) => u());
}

/** Starts the containers; on a failure, Compose's error and false. */
async function startAll(
  ctx: CommandContext,
  containers: Container[],
  progress: ComposeProgress,
  verb: { begin: string; end: string } = { begin: 'Starting', end: 'Started' },
): Promise<boolean> {
  for (const c of containers) progress.begin(`Container ${c.name}`, verb.begin);
  for (const c of containers) {
    const started = await ctx.host.engine.start(c);
    if (!started.ok) {
      progress.flush();
      ctx.io.err(`Error response from daemon: ${started.message}\n`);
      return false;
    }
  }
  for (const c of containers) progress.end(`Container ${c.name}`, verb.end, 0.3);
  return true;
}

async function up(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'up', args, {
    '-d': 'detach',
    '--detach': 'detach',
    '--build': 'build',
    '--no-build': 'no-build',
    '--force-recreate': 'force-recreate',
  });
  if ('exit' in read) return read.exit;
  const { flags, services } = read;
  if (services.length === 0) {
    ctx.io.err('no service selected\n');
    return 1;
  }
  const progress = new ComposeProgress(ctx.io, 'Running');
  const made = await bringUp(ctx, project, services, progress, {
    build: flags.has('build'),
    noBuild: flags.has('no-build'),
    forceRecreate: flags.has('force-recreate'),
  });
  if (!made) return 1;
  if (flags.has('detach')) {
    const ok = await startAll(ctx, made.toStart, progress);
    progress.flush();
    return ok ? 0 : 1;
  }
  progress.flush();
  return attachAll(ctx, made.containers, made.toStart);
}

/**
 * What `up` and `watch` share: the images built or found, the project's network, and each
 * service's container made, kept, or recreated when its image or its service changed. Returns the
 * containers and those still to start; null after printing why not.
 */
async function bringUp(
  ctx: CommandContext,
  project: ComposeProject,
  services: ServiceSpec[],
  progress: ComposeProgress,
  mode: { build: boolean; noBuild: boolean; forceRecreate: boolean },
): Promise<{ containers: Container[]; toStart: Container[] } | null> {
  const engine = ctx.host.engine;
  if (!(await ensureImages(ctx, project, services, progress, mode))) return null;
  // Compose reads every service's ports before it makes anything (lab: no network line first).
  for (const s of services) {
    const publish = publishOf(s);
    if ('error' in publish) {
      progress.flush();
      ctx.io.err(`${publish.error}\n`);
      return null;
    }
  }
  const network = networkName(project);
  if (engine.createNetwork(network)) {
    progress.begin(`Network ${network}`, 'Creating');
    progress.end(`Network ${network}`, 'Created', 0.1);
  }
  const toStart: Container[] = [];
  const containers: Container[] = [];
  for (const s of services) {
    const label = `Container ${containerName(project, s)}`;
    const old = containersOf(ctx, project, [s])[0];
    const image = engine.images.find(s.image)!;
    const stale =
      old &&
      (mode.forceRecreate ||
        old.imageId !== image.id ||
        old.labels?.[`${LABEL}.config-hash`] !== configHash(s));
    if (old && !stale) {
      containers.push(old);
      if (old.state === 'running') progress.end(label, 'Running', 0);
      else toStart.push(old);
      continue;
    }
    progress.begin(label, stale ? 'Recreate' : 'Creating');
    const made = recreate(ctx, project, s, old);
    if ('error' in made) {
      progress.fail(label, made.error);
      progress.flush();
      ctx.io.err(`${made.error}\n`);
      return null;
    }
    progress.end(label, stale ? 'Recreated' : 'Created', 0);
    toStart.push(made);
    containers.push(made);
  }
  return { containers, toStart };
}

/** The service's container made anew: the old one (if any) stopped and removed first. */
function recreate(
  ctx: CommandContext,
  project: ComposeProject,
  s: ServiceSpec,
  old: Container | undefined,
): Container | { error: string } {
  if (old) {
    ctx.host.engine.stop(old);
    ctx.host.engine.remove(old);
  }
  return createContainer(ctx, project, s);
}

/**
 * `docker compose up` in the foreground: `Attaching to web-1`, each line of each container with
 * its name, until they all exit or Ctrl+C stops them (lab: on a terminal, exit status 0 after
 * Ctrl+C; without one, SIGINT gives 130).
 */
async function attachAll(
  ctx: CommandContext,
  containers: Container[],
  toStart: Container[],
): Promise<number> {
  const names = containers.map(logName);
  const tty = ctx.io.tty;
  const colour = (text: string) => (tty ? `\x1b[36m${text}\x1b[0m` : text);
  ctx.io.out(`Attaching to ${names.join(', ')}\n`);
  const unfollow = followLines(ctx, containers, logPrefixes(ctx, containers));
  const engine = ctx.host.engine;
  for (const c of toStart) {
    const started = await engine.start(c);
    if (!started.ok) {
      unfollow();
      ctx.io.err(`Error response from daemon: ${started.message}\n`);
      return 1;
    }
  }
  // A script or a learner at no terminal: the containers go on, as with `docker run` in a script.
  if (!ctx.job.interactive || ctx.job.background) {
    unfollow();
    return 0;
  }
  let stopping = false;
  const exitLine = (c: Container, i: number) => {
    if (tty || !stopping)
      ctx.io.out(colour(`\x1b[K${names[i]} exited with code ${c.exitCode}`) + '\n');
  };
  const exits = containers.map((c, i) =>
    engine.untilExit(c, ctx.job.interrupted).then(() => exitLine(c, i)),
  );
  const interrupted = ctx.job.interrupted.then(() => 'interrupted' as const);
  const outcome = await Promise.race([Promise.all(exits), interrupted]);
  if (outcome !== 'interrupted') {
    unfollow();
    return 0;
  }
  stopping = true;
  // Without a terminal Compose stops following the logs at once (lab: no shutdown lines then).
  if (!tty) unfollow();
  ctx.io.out('Gracefully Stopping... press Ctrl+C again to force\n');
  const running = containers.filter((c) => c.state === 'running');
  const event = (c: Container, status: string) =>
    ctx.io.err(
      tty
        ? `\r\x1b[K Container ${c.name}  \x1b[32m${status}\x1b[0m\n`
        : ` Container ${c.name}  ${status}\n`,
    );
  for (const c of running) event(c, 'Stopping');
  for (const c of running) engine.stop(c);
  for (const c of running) event(c, 'Stopped');
  await Promise.all(exits);
  unfollow();
  return tty ? 0 : 130;
}

async function down(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'down', args, {});
  if ('exit' in read) return read.exit;
  // Named services: only theirs go, and the network stays for the others.
  const named = args.length > 0;
  const engine = ctx.host.engine;
  const progress = new ComposeProgress(ctx.io, 'Running');
  const containers = containersOf(ctx, project, named ? read.services : undefined);
  await removeAll(ctx, containers, progress, true);
  const network = networkName(project);
  if (!named && engine.networks.some((n) => n.name === network)) {
    progress.begin(`Network ${network}`, 'Removing');
    engine.removeNetwork(network);
    progress.end(`Network ${network}`, 'Removed', 0.1);
  } else if (!named && project.nameGiven && !containers.length)
    // as recorded: only when -p named the project
    warning(ctx, `Warning: No resource found to remove for project \\"${project.name}\\".`);
  progress.flush();
  return 0;
}

async function removeAll(
  ctx: CommandContext,
  containers: Container[],
  progress: ComposeProgress,
  stopFirst: boolean,
): Promise<void> {
  for (const c of containers) {
    const label = `Container ${c.name}`;
    const seconds = stopFirst ? stopWithEvents(ctx, c, progress) : 0;
    progress.begin(label, 'Removing');
    ctx.host.engine.remove(c);
    progress.end(label, 'Removed', seconds);
  }
}

async function ps(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'ps', args, {
    '-a': 'all',
    '--all': 'all',
    '-q': 'quiet',
    '--quiet': 'quiet',
  });
  if ('exit' in read) return read.exit;
  const { flags, services } = read;
  const all = flags.has('all');
  const list = containersOf(ctx, project, services).filter((c) => all || c.state === 'running');
  if (flags.has('quiet')) {
    ctx.io.out(list.map((c) => `${c.id}\n`).join(''));
    return 0;
  }
  const now = ctx.host.clock.now();
  const rows = list.map((c) => [
    c.name,
    c.image,
    JSON.stringify(ellipsis(commandText(c.argv), 20)),
    c.labels?.[`${LABEL}.service`] ?? '',
    `${humanDuration(now - c.created)} ago`,
    statusText(c, now, humanDuration),
    displayPorts(portRows(c)),
  ]);
  ctx.io.out(
    `${renderTable([['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS'], ...rows])}\n`,
  );
  return 0;
}

async function logs(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'logs', args, {
    '-f': 'follow',
    '--follow': 'follow',
    '--no-log-prefix': 'no-log-prefix',
  });
  if ('exit' in read) return read.exit;
  const { flags, services } = read;
  const containers = containersOf(ctx, project, services);
  const prefix = logPrefixes(ctx, containers, flags.has('no-log-prefix'));
  const entries = containers
    .flatMap((c, i) =>
      c.logs.flatMap((e) =>
        e.text
          .replace(/\n$/, '')
          .split('\n')
          .map((line) => ({ at: e.at, line, i })),
      ),
    )
    .sort((a, b) => a.at - b.at);
  for (const e of entries) ctx.io.out(`${prefix(e.i)}${e.line}\n`);
  if (!flags.has('follow') || !ctx.job.interactive || ctx.job.background) return 0;
  const unfollow = followLines(ctx, containers, prefix);
  await ctx.job.interrupted;
  unfollow();
  ctx.io.out('^C');
  return 130;
}

async function buildCommand(
  ctx: CommandContext,
  project: ComposeProject,
  args: string[],
): Promise<number> {
  const read = commandLine(ctx, project, 'build', args, { '-q': 'quiet', '--quiet': 'quiet' });
  if ('exit' in read) return read.exit;
  const { flags, services } = read;
  const quiet = flags.has('quiet');
  const progress = new ComposeProgress(ctx.io, 'Building');
  for (const s of services.filter((s) => s.build)) {
    if (!(await buildService(ctx, project, s, quiet))) return 1;
    if (!quiet) progress.end(s.image, 'Built', 0);
  }
  progress.flush();
  return 0;
}

async function start(
  ctx: CommandContext,
  project: ComposeProject,
  args: string[],
): Promise<number> {
  const read = commandLine(ctx, project, 'start', args, {});
  if ('exit' in read) return read.exit;
  const { services } = read;
  // Named by -p, the project is looked up by its containers first (as recorded).
  if (project.nameGiven && containersOf(ctx, project).length === 0) {
    ctx.io.err(`no container found for project "${project.name}": not found\n`);
    return 1;
  }
  for (const s of services)
    if (containersOf(ctx, project, [s]).length === 0) {
      ctx.io.err(`service "${s.name}" has no container to start\n`);
      return 1;
    }
  const stopped = containersOf(ctx, project, services).filter((c) => c.state !== 'running');
  const progress = new ComposeProgress(ctx.io, 'Running');
  const ok = await startAll(ctx, stopped, progress);
  progress.flush();
  return ok ? 0 : 1;
}

async function stop(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'stop', args, {});
  if ('exit' in read) return read.exit;
  const { services } = read;
  const progress = new ComposeProgress(ctx.io, 'Stopping');
  // Every container of the services, stopped already or not (lab: a second stop prints the same).
  for (const c of containersOf(ctx, project, services)) stopWithEvents(ctx, c, progress);
  progress.flush();
  return 0;
}

async function restart(
  ctx: CommandContext,
  project: ComposeProject,
  args: string[],
): Promise<number> {
  const read = commandLine(ctx, project, 'restart', args, {});
  if ('exit' in read) return read.exit;
  const { services } = read;
  const containers = containersOf(ctx, project, services);
  for (const c of containers) ctx.host.engine.stop(c);
  const progress = new ComposeProgress(ctx.io, 'Restarting');
  const ok = await startAll(ctx, containers, progress, { begin: 'Restarting', end: 'Started' });
  progress.flush();
  return ok ? 0 : 1;
}

async function kill(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'kill', args, {});
  if ('exit' in read) return read.exit;
  const { services } = read;
  const running = containersOf(ctx, project, services).filter((c) => c.state === 'running');
  if (running.length === 0) {
    // Compose 2.40 ends this line without a newline.
    ctx.io.err('no container to kill');
    return 0;
  }
  const progress = new ComposeProgress(ctx.io, 'Killing');
  for (const c of running) progress.begin(`Container ${c.name}`, 'Killing');
  for (const c of running) ctx.host.engine.kill(c);
  for (const c of running) progress.end(`Container ${c.name}`, 'Killed', 0.1);
  progress.flush();
  return 0;
}

async function rm(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const read = commandLine(ctx, project, 'rm', args, {
    '-f': 'force',
    '--force': 'force',
    '-s': 'stop',
    '--stop': 'stop',
  });
  if ('exit' in read) return read.exit;
  const { flags, services } = read;
  const progress = new ComposeProgress(ctx.io, 'Running');
  const containers = containersOf(ctx, project, services);
  if (flags.has('stop'))
    for (const c of containers.filter((c) => c.state === 'running'))
      stopWithEvents(ctx, c, progress);
  const stopped = containers.filter((c) => c.state !== 'running');
  if (stopped.length === 0) {
    progress.flush();
    ctx.io.out('No stopped containers\n');
    return 0;
  }
  if (!flags.has('force')) return notSimulated(ctx.io, DOCKER_GAP.prompt, 'docker compose rm');
  ctx.io.out(`Going to remove ${stopped.map((c) => c.name).join(', ')}\n`);
  await removeAll(ctx, stopped, progress, false);
  progress.flush();
  return 0;
}

async function exec(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  // -T (no terminal) is what the browser terminal's exec does without -t anyway.
  const rest = args.filter((a) => a !== '-T' && a !== '--no-TTY');
  const [service, ...command] = rest;
  if (service === undefined || service.startsWith('-'))
    return notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose exec ${args.join(' ')}`);
  const services = selected(ctx, project, [service]);
  if (!services) return 1;
  const c = containersOf(ctx, project, services).find((c) => c.state === 'running');
  if (!c) {
    ctx.io.err(`service "${service}" is not running\n`);
    return 1;
  }
  return dockerExec(ctx, [c.name, ...command]);
}

async function config(
  ctx: CommandContext,
  project: ComposeProject,
  args: string[],
): Promise<number> {
  if (args.includes('--services')) {
    ctx.io.out(project.services.map((s) => `${s.name}\n`).join(''));
    return 0;
  }
  if (args.length === 1 && (args[0] === '-q' || args[0] === '--quiet')) return 0;
  return notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose config ${args.join(' ')}`.trim());
}

/** `docker compose port SERVICE PORT`: the host address its container's port is published on. */
async function port(ctx: CommandContext, project: ComposeProject, args: string[]): Promise<number> {
  const [service, privatePort, ...more] = args;
  const running = containersOf(ctx, project).some(
    (c) => c.labels?.[`${LABEL}.service`] === service && c.state === 'running',
  );
  if (service !== undefined && privatePort !== undefined && more.length === 0 && !running) {
    ctx.io.err(`service "${service}" is not running\n`);
    return 1;
  }
  const binding =
    service !== undefined && privatePort !== undefined && more.length === 0
      ? containersOf(ctx, project)
          .filter((c) => c.labels?.[`${LABEL}.service`] === service)
          .flatMap((c) => c.bindings)
          .find(
            (b) => `${b.containerPort}/${b.protocol}` === privatePort.replace(/^(\d+)$/, '$1/tcp'),
          )
      : undefined;
  if (!binding)
    return notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose port ${args.join(' ')}`.trim());
  ctx.io.out(`${joinHostPort(binding.hostIp ?? '0.0.0.0', binding.hostPort!)}\n`);
  return 0;
}

/** `docker compose images`: each container's image (tabwriter: columns at least 20 wide, 3 apart). */
async function images(
  ctx: CommandContext,
  project: ComposeProject,
  args: string[],
): Promise<number> {
  if (args.length)
    return notSimulated(ctx.io, DOCKER_GAP.compose, `docker compose images ${args.join(' ')}`);
  const now = ctx.host.clock.now();
  const rows = [['CONTAINER', 'REPOSITORY', 'TAG', 'PLATFORM', 'IMAGE ID', 'SIZE', 'CREATED']];
  for (const c of containersOf(ctx, project)) {
    const image = ctx.host.engine.imageOf(c);
    if (!image) continue;
    const [repository, tag = 'latest'] = c.image.split(':');
    rows.push([
      c.name,
      repository!,
      tag,
      'linux/amd64',
      image.id.replace(/^sha256:/, '').slice(0, 12),
      humanSize(image.size),
      `${humanDuration(now - image.created)} ago`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(20, ...rows.map((r) => r[i]!.length + 3)));
  ctx.io.out(
    rows
      .map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]!) : cell)).join(''))
      .join('\n') + '\n',
  );
  return 0;
}

/**
 * `docker compose watch` (lab, Compose 2.40): builds and starts the services as `up --build -d`,
 * says `Watch enabled`, then follows the project's files, as the editor saves them: a change under
 * a `sync+restart` path is copied into the container, which restarts; under `sync`, copied only;
 * under `rebuild`, the image is built again (BuildKit's plain lines, even on a terminal) and the
 * container replaced. Ctrl+C ends the watch and leaves the containers running (status 130).
 */
async function watch(
  ctx: CommandContext,
  project: ComposeProject,
  args: string[],
): Promise<number> {
  const read = commandLine(ctx, project, 'watch', args, {});
  if ('exit' in read) return read.exit;
  const { services } = read;
  const progress = new ComposeProgress(ctx.io, 'Running');
  const made = await bringUp(ctx, project, services, progress, {
    build: true,
    noBuild: false,
    forceRecreate: false,
  });
  if (!made) return 1;
  const ok = await startAll(ctx, made.toStart, progress);
  progress.flush();
  if (!ok) return 1;
  const watched = services.filter((s) => s.watch.length);
  if (watched.length === 0) {
    ctx.io.err(
      "none of the selected services is configured for watch, consider setting a 'develop' section\n",
    );
    return 1;
  }
  ctx.io.out('Watch enabled\n');
  // A script has no one to save files while it waits: it goes on, as `up` does there.
  if (!ctx.job.interactive || ctx.job.background) return 0;
  const pending = new Set<string>();
  let work = Promise.resolve();
  const stop = ctx.fs.onChange((change) => {
    if (change.kind === 'mkdir' || change.kind === 'mode') return;
    if (pending.size === 0)
      // A save is one batch of changes: Compose waits for a quiet moment before it acts.
      void Promise.resolve().then(() => {
        const paths = [...pending];
        pending.clear();
        work = work.then(() => react(ctx, project, watched, paths));
      });
    pending.add(change.path);
  });
  await ctx.job.interrupted;
  stop();
  ctx.io.out('^C');
  return 130;
}

/** One batch of changed paths, through each watched service's rules, first matching rule first. */
async function react(
  ctx: CommandContext,
  project: ComposeProject,
  services: ServiceSpec[],
  paths: string[],
): Promise<void> {
  for (const s of services) {
    const byRule = new Map<WatchRule, string[]>();
    for (const p of paths) {
      const rule = s.watch.find((r) => p === r.path || isWithin(p, r.path));
      if (rule) byRule.set(rule, [...(byRule.get(rule) ?? []), p]);
    }
    if (byRule.size === 0) continue;
    const rebuild = [...byRule.keys()].some((r) => r.action === 'rebuild');
    const c = containersOf(ctx, project, [s])[0];
    if (rebuild) {
      ctx.io.out(`Rebuilding service(s) ["${s.name}"] after changes were detected...\n`);
      if (!(await buildService(ctx, project, s, false, true))) continue;
      ctx.io.out(`service(s) ["${s.name}"] successfully built\n`);
      const fresh = recreate(ctx, project, s, c);
      if (!('error' in fresh)) await ctx.host.engine.start(fresh);
      continue;
    }
    if (!c) continue;
    const changed = [...byRule.values()].flat();
    ctx.io.out(`Syncing service "${s.name}" after ${changed.length} changes were detected\n`);
    for (const [rule, list] of byRule)
      for (const p of list) {
        const rel = p === rule.path ? '' : relativeTo(rule.path, p)!;
        const dest = rel ? `${rule.target ?? ''}/${rel}` : (rule.target ?? '');
        const text = ctx.fs.read(p);
        if (text === null) c.fs.remove(dest, { recursive: true });
        else {
          c.fs.mkdir(dirname(dest), { parents: true });
          c.fs.write(dest, text);
        }
      }
    if ([...byRule.keys()].some((r) => r.action === 'sync+restart')) {
      ctx.host.engine.stop(c);
      await ctx.host.engine.start(c);
      ctx.io.out(`service(s) ["${s.name}"] restarted\n`);
    }
  }
}
