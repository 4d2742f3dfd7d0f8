/**
 * The simulated Docker Engine: images, the build cache, containers and their port bindings on the
 * host network. The CLI (docker/cli) formats what this returns; errors are the daemon's words.
 */
import type { Clock, ManualClock, Rng } from '../host/clock.ts';
import { isManualClock, randomHex } from '../host/clock.ts';
import type { Vfs } from '../host/vfs.ts';
import type { Interpreter } from '../shell/interpreter.ts';
import { baseName, resolvePath } from '../../text/index.ts';
import type { Port } from '../../docker/index.ts';
import { boundAddresses, type Connection, type Network } from '../host/network.ts';
import { startApp, type RunningApp } from '../app/server.ts';
import { serverLines, shutdownLines, uvicornError } from '../app/uvicorn.ts';
import { releaseFor } from '../app/releases.ts';
import { MACHINE_NAME } from '../host/machine-name.ts';
import { imageLayout } from '../python/layout.ts';
import type { PythonProcesses } from '../python/python-host.ts';
import { envMap, ImageStore, type Image } from './images.ts';
import { installedPython, labImages } from './base-image.ts';
import { BuildCache } from './build/cache.ts';
import { lazyModule } from '../../lazy-module.ts';
import type { BuildRequest } from './build/builder.ts';
import type { ShellRunner } from './build/stage.ts';
import type { BuildOutcome } from './build/types.ts';
import {
  appendLog,
  containerEnv,
  exited,
  hostnameOf,
  isNetworkMode,
  type Container,
} from './containers.ts';
import { PortAllocator } from './network-ports.ts';
import { isShellScript, resolveProcess } from './container-process.ts';
import { containerName } from './names.ts';
import { resolveUser } from '../host/users.ts';
import { attachMount, copyTree, type Mount } from './bind-mount.ts';
import { VOLUME_DATA, VolumeStore } from './volumes.ts';
import { writeBytecodeCache } from './bytecode-cache.ts';
import {
  cacheRecordFromState,
  cacheRecordState,
  containerFromState,
  containerState,
  imageFromState,
  imageState,
  type EngineState,
} from './engine-state.ts';
import {
  isPredefined,
  networkFromState,
  newNetwork,
  predefinedNetworks,
  type EngineNetwork,
} from './networks.ts';
import { hashParts } from '../host/sha256.ts';

/** The daemon's container name pattern (at least two characters; a leading / is the API's). */
const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface EngineDeps {
  fs: Vfs;
  network: Network;
  clock: Clock;
  rng: Rng;
  runShell: ShellRunner;
  python: PythonProcesses;
  /** real time (Host.wait): a script watched from a terminal plays out at its own pace */
  wait?: (ms: number) => Promise<void>;
}

export interface CreateOptions {
  image: Image;
  imageRef: string;
  name: string | null;
  command: string[];
  publish: Port[];
  publishAll: boolean;
  env: string[];
  autoRemove: boolean;
  workingDir: string | null;
  user: string | null;
  mounts: Mount[];
  restart: { name: string; maximumRetryCount: number };
  /** `--memory` in bytes; absent: no limit */
  memory?: number;
  /** `--cpus` in billionths of a CPU; absent: no limit */
  nanoCpus?: number;
  tty: boolean;
  openStdin: boolean;
  /** piped to `docker run -i` */
  stdin: string | null;
  /**
   * `none`, or a user-defined network by name (Compose's project network, `docker run --network`);
   * absent: the default bridge. One that does not exist is kept: the start fails, as the daemon's does.
   */
  network?: string;
  labels?: Record<string, string>;
  /**
   * `--entrypoint`: one executable instead of the image's ENTRYPOINT (`''`: none), which also drops
   * the image's CMD (lab, Engine 28.5: `--entrypoint sh IMAGE` runs `sh` alone)
   */
  entrypoint?: string;
  /** `--hostname`: the container's host name (its HOSTNAME, `hostname`); absent: its short ID */
  hostname?: string;
}

/** The daemon's merge: the user's entries first, then the image's for names the user did not set. */
function mergeEnv(user: string[], image: string[]): string[] {
  const set = new Set(user.map((e) => e.split('=')[0]));
  return [...user, ...image.filter((e) => !set.has(e.split('=')[0]))];
}

export type StartResult = { ok: true } | { ok: false; message: string; exitCode: number };

// The builder (with the Dockerfile parser, half the simulator's bytes) loads on the first
// `docker build`, so the workspace's terminal takes typing before it arrives.
const builder = lazyModule(() => import('./build/builder.ts'));

/** Starts fetching what `docker build` needs, so that the first build does not wait for it. */
export const preloadBuilder = builder.preload;

export class DockerEngine {
  readonly images = new ImageStore();
  readonly cache = new BuildCache();
  readonly containers: Container[] = [];
  readonly volumes: VolumeStore;
  /** user-defined networks, in the order made (their subnets follow it) */
  readonly networks: EngineNetwork[] = [];
  /** bridge, host and none, made when the daemon started */
  readonly predefinedNetworks: EngineNetwork[];
  private readonly ports = new PortAllocator();
  private pid = 1;
  /** what waits for a paused container to run again (a curl its port accepted) */
  private readonly thaws = new Map<Container, (() => void)[]>();
  /** a -it container's shell while it runs: a detached terminal finds it again (attached-shell.ts) */
  private readonly shells = new Map<Container, Interpreter>();

  constructor(private readonly deps: EngineDeps) {
    this.volumes = new VolumeStore(deps.clock, deps.rng);
    this.predefinedNetworks = predefinedNetworks(deps.clock);
    for (const image of labImages(deps.clock)) this.images.add(image);
  }

  /** The engine's state for a saved session (engine-state.ts). */
  state(): EngineState {
    const cache = this.cache.entries();
    return {
      images: this.images.all().map(imageState),
      cache: {
        records: cache.records.map(([key, record]) => [key, cacheRecordState(record)]),
        executions: cache.executions,
        extras: cache.extras.map(([key, record]) => [key, { ...record }]),
      },
      containers: this.containers.map(containerState),
      volumes: this.volumes.all().map((v) => ({ ...v })),
      networks: this.networks.map((n) => ({ ...n })),
      predefinedNetworks: this.predefinedNetworks.map((n) => ({ ...n })),
      nextPort: this.ports.next,
      pid: this.pid,
    };
  }

  /**
   * Replaces everything with a saved state. Containers that were running start again (the app
   * imports the learner's code again, ports are bound again), as after a daemon restart; one whose
   * start fails now is shown exited, with the reason in its logs.
   */
  async load(state: EngineState, startAfter: Promise<void> = Promise.resolve()): Promise<void> {
    for (const c of [...this.containers]) {
      this.endNow(c);
      for (const undo of c.unmount.splice(0)) undo();
    }
    this.images.replaceAll(state.images.map(imageFromState));
    this.cache.replaceAll(
      state.cache.records.map(([key, record]) => [key, cacheRecordFromState(record)]),
      state.cache.executions,
      state.cache.extras,
    );
    this.ports.next = state.nextPort;
    this.pid = state.pid;
    const containers = state.containers.map(containerFromState);
    this.containers.splice(0, this.containers.length, ...containers);
    this.volumes.replaceAll((state.volumes ?? []).map((v) => ({ ...v })));
    const { clock, rng } = this.deps;
    this.networks.splice(
      0,
      this.networks.length,
      ...(state.networks ?? []).map((n) => networkFromState(n, clock, rng)),
    );
    if (state.predefinedNetworks)
      this.predefinedNetworks.splice(
        0,
        this.predefinedNetworks.length,
        ...state.predefinedNetworks.map((n) => ({ ...n })),
      );
    for (const c of containers) for (const m of c.mounts) c.unmount.push(this.attach(c, m));
    // Back to what a stopped daemon leaves: not running, no bindings; then started as the daemon does.
    const restart = containers.filter((c) => c.state === 'running');
    for (const c of restart) {
      c.state = 'created';
      c.bindings = [];
      delete c.address;
    }
    // A page restoring a workspace starts them once its terminal is up (an app start may load Python).
    await startAfter;
    for (const c of restart) {
      // Removed or started by the learner in the meantime: theirs, not the daemon's.
      if (!this.containers.includes(c) || c.state !== 'created') continue;
      const started = await this.start(c);
      if (!started.ok) {
        appendLog(c, 'stderr', `${started.message}\n`, this.deps.clock.now());
        c.state = 'exited';
        c.exitCode = started.exitCode;
        c.finishedAt = this.deps.clock.now();
      }
    }
  }

  async build(request: BuildRequest): Promise<BuildOutcome> {
    const code = await builder.get().catch(() => null);
    if (!code) {
      const failure = {
        message:
          'the sandbox could not load its image builder (is the page offline?): run the build again, or reload the page',
        vertex: null,
        line: null,
      };
      return {
        vertices: [],
        image: null,
        failure,
        dockerfileName: baseName(request.dockerfile),
        dockerfileLines: [],
        warnings: [],
      };
    }
    return code.build(request, {
      fs: this.deps.fs,
      images: this.images,
      cache: this.cache,
      clock: this.deps.clock,
      runShell: this.deps.runShell,
      baseImage: (ref) => this.images.find(ref),
    });
  }

  /** The image a container was made from (gone only if it was removed with -f meanwhile). */
  imageOf(c: Container): Image | undefined {
    return this.images.all().find((i) => i.id === c.imageId);
  }

  findContainer(ref: string): Container | null {
    return (
      this.containers.find((c) => c.name === ref || c.name === ref.replace(/^\//, '')) ??
      (ref.length >= 1 && /^[0-9a-f]+$/.test(ref)
        ? (this.containers.find((c) => c.id.startsWith(ref)) ?? null)
        : null)
    );
  }

  /** Why `name` cannot be a new container's name (the daemon's reserveName), or null. */
  private nameRefused(name: string): string | null {
    if (!VALID_NAME.test(name))
      return `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
    const bare = name.replace(/^\//, '');
    const clash = this.containers.find((c) => c.name === bare);
    if (clash)
      return `Conflict. The container name "/${bare}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`;
    return null;
  }

  /**
   * `docker rename`: the daemon's checks in its order (lab, Engine 28.5: the container, then the
   * same name, then the new name as any container's); null when renamed.
   */
  rename(ref: string, newName: string): string | null {
    const container = this.findContainer(ref);
    if (!container) return `No such container: ${ref}`;
    const name = newName.replace(/^\//, '');
    if (name === container.name)
      return 'Renaming a container with the same name as its current name';
    const refused = this.nameRefused(`/${name}`);
    if (refused) return `Error when allocating new name: ${refused}`;
    container.name = name;
    return null;
  }

  create(options: CreateOptions): Container | { error: string } {
    const name =
      options.name ??
      containerName(this.deps.rng, (n) => this.containers.some((c) => c.name === n));
    const refused = this.nameRefused(name);
    if (refused) return { error: refused };
    const { image } = options;
    const given = options.entrypoint;
    const entrypoint =
      given === undefined ? image.config.Entrypoint : given === '' ? null : [given];
    const cmd = options.command.length
      ? options.command
      : given === undefined
        ? image.config.Cmd
        : null;
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    const exposed = new Set(Object.keys(image.config.ExposedPorts ?? {}));
    for (const p of options.publish) exposed.add(`${p.containerPort}/${p.protocol}`);
    const container: Container = {
      id: randomHex(this.deps.rng, 64),
      name,
      image: options.imageRef,
      imageId: image.id,
      argv,
      entrypoint,
      cmd,
      // On the host's network a container has the host's name (lab: `vm`, the lab machine's).
      ...(options.hostname || options.network === 'host'
        ? { hostname: options.hostname || MACHINE_NAME }
        : {}),
      created: this.deps.clock.now(),
      startedAt: null,
      finishedAt: null,
      state: 'created',
      exitCode: 0,
      publish: options.publish,
      publishAll: options.publishAll,
      bindings: [],
      exposed: [...exposed],
      env: mergeEnv(options.env, image.config.Env),
      autoRemove: options.autoRemove,
      logs: [],
      app: null,
      fs: image.fs.clone(),
      workingDir: options.workingDir || image.config.WorkingDir || '/',
      mounts: options.mounts,
      user: options.user ?? '',
      restart: options.restart,
      ...(options.memory ? { memory: options.memory } : {}),
      ...(options.nanoCpus ? { nanoCpus: options.nanoCpus } : {}),
      tty: options.tty,
      openStdin: options.openStdin,
      ...(options.stdin === null ? {} : { stdin: options.stdin }),
      ...this.networkOf(options.network),
      ...(options.labels ? { labels: options.labels } : {}),
      unmount: [],
      release: [],
      followers: new Set(),
      exitWaiters: new Set(),
    };
    // Docker's own bind mount: `cat /etc/hostname` reads the host name (lab: -h web gave web).
    container.fs.write('/etc/hostname', `${hostnameOf(container)}\n`);
    // -w creates a missing directory, as the runtime does.
    if (!container.fs.stat(container.workingDir))
      container.fs.mkdir(container.workingDir, { parents: true });
    for (const m of container.mounts) container.unmount.push(this.attach(container, m));
    this.containers.push(container);
    return container;
  }

  /**
   * A bind mount shows the host's directory; a volume mount its volume's files, made on first use.
   * An empty volume first takes the image's files at that path, as the local driver copies them.
   */
  private attach(c: Container, m: Mount): () => void {
    if (m.type === 'bind') return attachMount(this.deps.fs, c.fs, m);
    const volume = this.volumes.ensure(m.source);
    const empty = volume.fs.tree(VOLUME_DATA).length <= 1;
    if (empty && c.fs.stat(m.destination)?.kind === 'dir')
      copyTree(c.fs, m.destination, volume.fs, VOLUME_DATA);
    return attachMount(volume.fs, c.fs, { source: VOLUME_DATA, destination: m.destination });
  }

  /** The containers, running or not, whose mounts name the volume: the daemon refuses to remove it. */
  volumeUsers(name: string): Container[] {
    return this.containers.filter((c) =>
      c.mounts.some((m) => m.type === 'volume' && m.source === name),
    );
  }

  async start(c: Container): Promise<StartResult> {
    if (c.state === 'running') return { ok: true };
    const image = this.imageOf(c);
    if (!image) return { ok: false, exitCode: 125, message: `No such image: ${c.imageId}` };
    // --user names someone the image's /etc/passwd must know: the daemon refuses the start otherwise.
    const who = c.user ? resolveUser(c.fs, c.user) : null;
    if (who && 'error' in who) return { ok: false, exitCode: 125, message: who.error };
    const bound = this.bind(c);
    if (!bound.ok) {
      // The daemon marks a start that failed so: `Exited (128)` for a container that had exited 0,
      // and the reason in State.Error until a start succeeds (lab, Engine 28.5).
      if (c.exitCode === 0) c.exitCode = 128;
      c.error = bound.message;
      return bound;
    }
    delete c.error;
    const env = envMap(c.env);
    // Piped input is read once: a later start finds stdin at its end, or open and waiting.
    const stdin = c.stdin ?? null;
    delete c.stdin;
    const proc = resolveProcess(c.argv, image, c.workingDir, Object.fromEntries(env), {
      stdin,
      waits: c.tty || c.openStdin,
    });
    if (proc.kind === 'missing') {
      // Engine 28 forgets the bindings of a container that never started: PORTS stays empty.
      this.unbind(c, true);
      return {
        ok: false,
        exitCode: 127,
        message: `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${proc.executable}": executable file not found in $PATH`,
      };
    }
    c.state = 'running';
    c.startedAt = this.deps.clock.now();
    if (proc.kind === 'refused') {
      appendLog(c, 'stderr', proc.message, this.deps.clock.now());
      this.exit(c, proc.exitCode);
      return { ok: true };
    }
    if (proc.kind === 'waiting') {
      // A shell at its prompt, or reading a stdin nobody writes to, runs until it is stopped:
      // an endless script, which SIGTERM does not end (PID 1 has no handler for it).
      c.script = { ends: Infinity, code: 0, pending: [] };
      return { ok: true };
    }
    if (proc.kind === 'script') {
      // dash exports PWD when it starts.
      const scriptEnv = containerEnv(c, [], c.tty);
      if (proc.argv0 !== undefined) scriptEnv.set('PWD', c.workingDir);
      const begun = this.deps.clock.now();
      const own = ownClock(begun);
      const result = await this.deps.runShell({
        fs: c.fs,
        cwd: c.workingDir,
        env: scriptEnv,
        script: proc.script,
        stdin: proc.stdin ?? null,
        packages: image.packages,
        user: c.user || image.config.User,
        ...(proc.argv0 === undefined ? {} : { argv0: proc.argv0 }),
        clock: own,
      });
      const entries = result.lines.map((line, i) => ({
        stream: 'stdout' as const,
        text: `${line}\n`,
        at: Math.max(begun, result.at?.[i] ?? begun),
      }));
      // What it wrote before its first sleep is there at once; the rest, and its end, when the
      // host's clock gets there.
      for (const e of entries.filter((e) => e.at <= begun)) appendLog(c, e.stream, e.text, e.at);
      c.script = {
        ends: own.now(),
        code: result.code,
        pending: entries.filter((e) => e.at > begun),
      };
      this.settle();
      return { ok: true };
    }
    // What the app's os.environ holds: runc adds HOME, last, where the container sets none.
    const processEnv = {
      ...Object.fromEntries(containerEnv(c, [], c.tty)),
      HOME: env.get('HOME') ?? '/root',
    };
    const layout = imageLayout(processEnv, installedPython(c.fs));
    // On the host's network the app listens on the host's own ports, as the host's uvicorn would.
    const addresses = c.network === 'host' ? boundAddresses(proc.spec.host) : [];
    if (addresses.some((a) => this.deps.network.conflict(a, proc.spec.port))) {
      // Lab, Engine 28.5: a second app on port 8000 starts up, fails to bind, shuts down, exit 3.
      const now = this.deps.clock.now();
      const [, waiting, complete] = shutdownLines(1);
      const lines = [
        ...serverLines(proc.spec, 1, false),
        uvicornError(
          `[Errno 98] error while attempting to bind on address ('${proc.spec.host}', ${proc.spec.port}): address already in use`,
        ),
        waiting,
        complete,
      ];
      for (const line of lines) appendLog(c, 'stderr', `${line}\n`, now);
      this.exit(c, releaseFor(layout.version).startupFailure);
      return { ok: true };
    }
    const started = await startApp({
      spec: proc.spec,
      pid: 1,
      fs: c.fs,
      cwd: c.workingDir,
      env: processEnv,
      packages: image.packages,
      layout,
      tty: c.tty,
      python: this.deps.python,
      clock: this.deps.clock,
      log: (stream, text) => appendLog(c, stream, text, this.deps.clock.now()),
    });
    if (!started.ok) {
      this.exit(c, started.exitCode);
      return { ok: true };
    }
    c.app = started.value;
    for (const address of addresses) c.release.push(this.listenOnHost(c, address, proc.spec.port));
    const root =
      proc.spec.appDir === null ? c.workingDir : resolvePath(c.workingDir, proc.spec.appDir);
    const cred = resolveUser(c.fs, c.user || image.config.User);
    if (!('error' in cred))
      writeBytecodeCache(c.fs, cred.cred, root, proc.spec.target, layout.version);
    return { ok: true };
  }

  /**
   * Ends the scripts whose time has come, and hands on what they wrote by now: every docker
   * command starts here, so a container that ran `sleep 30` reads Up, then Exited 30 s later.
   */
  settle(): void {
    const now = this.deps.clock.now();
    for (const c of [...this.containers]) {
      const script = c.script;
      if (!script || c.state !== 'running') continue;
      while (script.pending[0] && script.pending[0].at <= now) {
        const e = script.pending.shift()!;
        appendLog(c, e.stream, e.text, e.at);
      }
      if (script.ends <= now) this.exit(c, script.code, script.ends);
    }
  }

  /**
   * Resolves when the container stops. A script that ends by itself is waited for as the host
   * would: its clock moves to the script's end (an endless one waits for a stop from elsewhere).
   * An injected real clock moves by itself; its scripts end at the next docker command.
   */
  untilExit(c: Container, watched?: Promise<unknown>): Promise<void> {
    const clock = this.deps.clock;
    const wait = this.deps.wait;
    if (c.state === 'running' && c.script && watched && wait && isManualClock(clock))
      void this.play(c, clock, wait, watched);
    else if (c.state === 'running' && c.script && isFinite(c.script.ends) && isManualClock(clock))
      this.settleAt(c.script.ends);
    return exited(c);
  }

  /** Moves a manual clock on to `at` (never back), then settles what the scripts did by then. */
  private settleAt(at: number): void {
    const clock = this.deps.clock;
    if (isManualClock(clock)) clock.advance(Math.max(0, at - clock.now()));
    this.settle();
  }

  /**
   * A script watched from a terminal (`docker run` in the foreground, `logs -f`, `attach`) where
   * there is real time: each line it wrote after a `sleep` shows when that time has really passed,
   * as the real container's would, and its end too; until the watcher lets go (Ctrl+C).
   */
  private async play(
    c: Container,
    clock: ManualClock,
    wait: (ms: number) => Promise<void>,
    watched: Promise<unknown>,
  ): Promise<void> {
    let gone = false;
    void watched.then(() => (gone = true));
    for (let script = c.script; script && c.state === 'running' && !gone; script = c.script) {
      const next = nextMoment(script);
      // Nothing more it will write or end by: it runs until something stops it.
      if (!isFinite(next)) return;
      await Promise.race([wait(Math.max(0, next - clock.now())), watched]);
      // Let go, or stopped or replaced from elsewhere meanwhile: its time is no longer this wait's.
      if (gone || c.state !== 'running' || c.script !== script) return;
      this.settleAt(next);
    }
  }

  /**
   * SIGTERM. Uvicorn shuts down cleanly and exits 0. A shell or `sleep` as PID 1 has no handler
   * for it (PID 1 ignores signals it does not handle): the daemon kills it when the grace ends,
   * exit 137 (lab, Engine 28.5: `docker stop` of `sleep infinity` took 10.4 s, `-t 2` 2.7 s).
   */
  stop(c: Container, graceSeconds = 10): void {
    if (c.state !== 'running') return;
    if (c.script) {
      this.settleAt(Math.min(this.deps.clock.now() + graceSeconds * 1000, c.script.ends));
      this.kill(c);
      return;
    }
    c.app?.stop(true);
    this.exit(c, 0);
  }

  /**
   * Ctrl+C at a `docker run` attached to `sh -c SCRIPT` (the CLI passes SIGINT on to PID 1): the
   * shell dies of it once the command it waits for returns, writing nothing more, exit 130 (lab,
   * Engine 28.5: a `while …; sleep 1; done` loop ended 0.7 s after the signal, at its sleep's end).
   * False for any other process, and for a shell whose command never returns (`sleep infinity`).
   */
  interruptShellScript(c: Container): boolean {
    const script = c.script;
    if (c.state !== 'running' || !script || !isShellScript(c.argv)) return false;
    const at = nextMoment(script);
    if (!isFinite(at)) return false;
    c.script = { ends: at, code: 130, pending: [] };
    this.settleAt(at);
    return true;
  }

  /** The shell a terminal was attached to (`docker run -it IMAGE bash`) exited with `code`. */
  shellExited(c: Container, code: number): void {
    if (c.state === 'running') this.exit(c, code);
  }

  /**
   * `docker pause`: the cgroup freezer stops its processes; it stays running, and its published
   * ports still accept (the kernel answers the handshake) while nothing answers a request. The
   * daemon's words when it cannot (lab, Engine 28.5), null when done.
   */
  pause(c: Container): string | null {
    if (c.state !== 'running') return `container ${c.id} is not running`;
    if (c.paused) return `Container ${c.id} is already paused`;
    c.paused = true;
    return null;
  }

  unpause(c: Container): string | null {
    if (c.state !== 'running' || !c.paused) return `Container ${c.id} is not paused`;
    this.thaw(c);
    return null;
  }

  ownShell(c: Container): Interpreter | undefined {
    return this.shells.get(c);
  }

  keepShell(c: Container, shell: Interpreter): void {
    this.shells.set(c, shell);
  }

  /** Resolves when a paused container runs again or stops. */
  private thawed(c: Container): Promise<void> {
    return new Promise((resolve) => this.thaws.set(c, [...(this.thaws.get(c) ?? []), resolve]));
  }

  private thaw(c: Container): void {
    c.paused = false;
    for (const wake of this.thaws.get(c) ?? []) wake();
    this.thaws.delete(c);
  }

  /** SIGKILL: no shutdown lines, exit code 137. */
  kill(c: Container): void {
    if (c.state !== 'running') return;
    c.app?.stop(false);
    this.exit(c, 137);
  }

  remove(c: Container): void {
    this.endNow(c);
    for (const undo of c.unmount.splice(0)) undo();
    const i = this.containers.indexOf(c);
    if (i >= 0) this.containers.splice(i, 1);
  }

  /** Ends it without waiting out a grace (`rm -f`, a restore): an app still writes its shutdown lines. */
  private endNow(c: Container): void {
    if (c.script) this.kill(c);
    else this.stop(c);
  }

  private exit(c: Container, code: number, at = this.deps.clock.now()): void {
    // A paused container's stop or kill thaws it first (lab, Engine 28.5: stop gave uvicorn's 0).
    this.thaw(c);
    this.shells.delete(c);
    c.state = 'exited';
    c.exitCode = code;
    c.finishedAt = at;
    c.app = null;
    delete c.script;
    this.unbind(c, true);
    for (const wake of c.exitWaiters) wake();
    c.exitWaiters.clear();
    if (c.autoRemove) this.remove(c);
  }

  private unbind(c: Container, forget: boolean): void {
    for (const release of c.release.splice(0)) release();
    if (forget) {
      c.bindings = [];
      delete c.address;
    }
  }

  /** The /16 of the container's network (networkSubnet); the default bridge's for one on none. */
  private subnet(c: Container): string {
    const on = this.networkOn(c);
    return (on && this.networkSubnet(on)) ?? '172.17.0';
  }

  /** The lowest address on its network no other container holds (.1 is the gateway), as IPAM gives it. */
  private bridgeAddress(c: Container): string {
    const held = new Set(this.containers.filter((o) => o !== c).map((o) => o.address));
    const net = this.subnet(c);
    let n = 2;
    while (held.has(`${net}.${n}`)) n++;
    return `${net}.${n}`;
  }

  /** Every network, as `docker network ls` lists them: by name. */
  allNetworks(): EngineNetwork[] {
    return [...this.predefinedNetworks, ...this.networks].sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
  }

  /**
   * What a new container keeps of its network: the name, and the ID of the network of that name
   * now, which is what a later start looks for (a network removed and made again is another one).
   */
  private networkOf(ref: string | undefined): Pick<Container, 'network' | 'networkId'> {
    if (!ref) return {};
    const found = isNetworkMode(ref) ? null : this.networks.find((n) => n.name === ref);
    return found ? { network: found.name, networkId: found.id } : { network: ref };
  }

  /**
   * The network a container is on: the default bridge, none, or the user-defined one it joined
   * (by the ID it kept, else by name); null when that network is gone, or never was.
   */
  networkOn(c: Container): EngineNetwork | null {
    if (!c.network || isNetworkMode(c.network)) {
      const name = c.network ?? 'bridge';
      return this.predefinedNetworks.find((n) => n.name === name) ?? null;
    }
    return (
      this.networks.find((n) => (c.networkId ? n.id === c.networkId : n.name === c.network)) ?? null
    );
  }

  /**
   * Its endpoint on its network (networkOn), as `docker inspect` shows it. The endpoint's ID is the
   * one `docker network rm` names while the container runs.
   */
  endpointOf(c: Container): {
    network: EngineNetwork | null;
    endpointId: string;
    /** a random locally administered address in Engine 28 (lab: `5e:d3:35:80:89:db`); '' without an address */
    macAddress: string;
  } {
    const network = this.networkOn(c);
    const mac = hashParts('mac', c.id, network?.id ?? '').slice(0, 12);
    const first = ((parseInt(mac.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, '0');
    return {
      network,
      endpointId: network ? hashParts('endpoint', c.id, network.id) : '',
      macAddress:
        c.state === 'running' && c.address
          ? [first, ...(mac.slice(2).match(/../g) ?? [])].join(':')
          : '',
    };
  }

  /**
   * A bridge network's /16 (`172.18.0`): the default bridge's 172.17, a user-defined one's its own
   * (in a session saved before networks kept it, by the order they were made); null for host and
   * none, which hand out no addresses.
   */
  networkSubnet(n: EngineNetwork): string | null {
    if (n.driver !== 'bridge') return null;
    const i = this.networks.indexOf(n);
    return n.subnet ?? `172.${i < 0 ? 17 : 18 + i}.0`;
  }

  /** A network by name, full ID or a unique prefix of it, as the daemon looks one up. */
  findNetwork(ref: string): EngineNetwork | null {
    const all = this.allNetworks();
    const byName = all.find((n) => n.name === ref || n.id === ref);
    if (byName) return byName;
    const byPrefix = all.filter((n) => n.id.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0]! : null;
  }

  /** Makes a user-defined network (bridge driver); null when one of that name exists. */
  createNetwork(name: string): EngineNetwork | null {
    if (this.allNetworks().some((n) => n.name === name)) return null;
    // The default address pool hands out the lowest /16 no network holds: one freed is used again.
    const held = new Set(this.networks.map((n) => this.networkSubnet(n)));
    let second = 18;
    while (held.has(`172.${second}.0`)) second++;
    const network = {
      ...newNetwork(this.deps.clock, this.deps.rng, name),
      subnet: `172.${second}.0`,
    };
    this.networks.push(network);
    return network;
  }

  /** Removes a network (by name or ID); the daemon's error, or null once removed. */
  removeNetwork(ref: string): string | null {
    const network = this.findNetwork(ref);
    if (!network) return `network ${ref} not found`;
    if (isPredefined(network.name))
      return `${network.name} is a pre-defined network and cannot be removed`;
    const user = this.containers.find(
      (c) => c.state === 'running' && this.networkOn(c) === network,
    );
    if (user)
      return `error while removing network: network ${network.name} has active endpoints (name:"${user.name}" id:"${this.endpointOf(user).endpointId.slice(0, 12)}")`;
    this.networks.splice(this.networks.indexOf(network), 1);
    return null;
  }

  /**
   * Publishes the container's ports on the host; the daemon's error when one is taken, or when
   * its network is not there (lab, Engine 28.5: the name it was given, or the ID of the network it
   * joined, since removed). On `none` it has no address and its ports are not published, silently.
   */
  private bind(c: Container): StartResult {
    // No network of its own, or the host's: nothing to publish (the CLI warned about -p).
    if (isNetworkMode(c.network)) {
      c.bindings = [];
      return { ok: true };
    }
    if (!this.networkOn(c))
      return {
        ok: false,
        exitCode: 125,
        message: `failed to set up container networking: network ${c.networkId ?? c.network} not found`,
      };
    c.address = this.bridgeAddress(c);
    const specs = [...c.publish];
    for (const p of c.publishAll ? c.exposed : []) {
      const [port, protocol] = p.split('/') as [string, Port['protocol']];
      if (!specs.some((s) => `${s.containerPort}/${s.protocol}` === p))
        specs.push({ hostIp: null, hostPort: null, containerPort: Number(port), protocol });
    }
    const rows: Port[] = [];
    for (const spec of specs) {
      // A UDP port is published (docker port/ps show it) but nothing answers TCP there: curl gets (7).
      if (spec.protocol !== 'tcp') {
        const addresses = spec.hostIp ? [spec.hostIp] : ['0.0.0.0', '::'];
        const hostPort = spec.hostPort ?? this.ports.allocate(() => true);
        for (const address of addresses)
          rows.push({
            hostIp: address,
            hostPort,
            containerPort: spec.containerPort,
            protocol: spec.protocol,
          });
        continue;
      }
      const addresses = spec.hostIp ? [spec.hostIp] : ['0.0.0.0', '::'];
      const port =
        spec.hostPort ??
        this.ports.allocate((p) => addresses.every((a) => !this.deps.network.conflict(a, p)));
      if (port === null) return this.bindFailure(c, 'no free ports in the ephemeral range');
      for (const address of addresses) {
        const taken = this.deps.network.conflict(address, port);
        if (taken) {
          const reason =
            taken.owner === `docker-proxy ${c.name}`
              ? // its own earlier -p of the same port (lab, Engine 28.5: scenario 141)
                'failed to listen on TCP socket: address already in use'
              : taken.owner.startsWith('docker-proxy')
                ? // the address as Go prints it, unbracketed: `Bind for :::8000 failed`; a specific
                  // address refused by another's wildcard names the wildcard (lab, Engine 28.5)
                  `Bind for ${isWildcard(taken.address) ? taken.address : address}:${port} failed: port is already allocated`
                : // bracketed here, and naming the container's end (lab, Engine 28.5)
                  `failed to bind host port for ${address.includes(':') ? `[${address}]` : address}:${port}:${c.address}:${spec.containerPort}/tcp: address already in use`;
          return this.bindFailure(c, reason);
        }
        rows.push({
          hostIp: address,
          hostPort: port,
          containerPort: spec.containerPort,
          protocol: spec.protocol,
        });
        // docker-proxy resets a connection nothing behind it takes; requests come from the gateway.
        const connect = () =>
          this.appConnection(
            c,
            (app) =>
              app.spec.port === spec.containerPort &&
              (app.spec.host === '0.0.0.0' || app.spec.host === '::'),
            { kind: 'reset' },
            `${this.subnet(c)}.1`,
          );
        c.release.push(
          this.deps.network.listen({
            address,
            port,
            owner: `docker-proxy ${c.name}`,
            connect,
          }),
        );
      }
    }
    c.bindings = rows;
    return { ok: true };
  }

  /** A --network host app's socket: the host's connections reach it straight, from 127.0.0.1. */
  private listenOnHost(c: Container, address: string, port: number): () => void {
    const connect = () => this.appConnection(c, () => true, { kind: 'refused' }, '127.0.0.1');
    return this.deps.network.listen({ address, port, owner: `uvicorn ${c.name}`, connect });
  }

  /**
   * What a connection to the container's app meets: `missing` when no app takes it; while the
   * container is paused, a wait until it runs again (reset if it stops first: its socket closes);
   * while the app starts, a wait; else the app answers, the request coming from `from`.
   */
  private appConnection(
    c: Container,
    takes: (app: RunningApp) => boolean,
    missing: Connection,
    from: string,
  ): Connection {
    const app = c.app;
    if (!app || !takes(app)) return missing;
    if (c.paused)
      return {
        kind: 'hang',
        thawed: this.thawed(c).then(() =>
          c.state === 'running' ? this.appConnection(c, takes, missing, from) : { kind: 'reset' },
        ),
      };
    if (!app.serving()) return { kind: 'hang' };
    return {
      kind: 'http',
      request: (request) => app.handle(request, `${from}:${40000 + this.pid++}`),
    };
  }

  private bindFailure(c: Container, reason: string): StartResult {
    this.unbind(c, true);
    const endpoint = randomHex(this.deps.rng, 64);
    return {
      ok: false,
      exitCode: 125,
      message: `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${endpoint}): ${reason}`,
    };
  }
}

/** A container process's own time: it starts at the host's and may run to the end of time. */
function ownClock(start: number): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

const isWildcard = (address: string) => address === '0.0.0.0' || address === '::';

/** When a script next writes a line or ends; Infinity when neither (it runs until stopped). */
function nextMoment(script: NonNullable<Container['script']>): number {
  return Math.min(script.pending[0]?.at ?? Infinity, script.ends);
}
