/** A container's record: what `docker ps`, `logs`, `inspect` and `port` read. */
import type { Vfs } from '../host/vfs.ts';
import type { RunningApp } from '../app/server.ts';
import type { Port } from '../../docker/index.ts';
import type { Mount } from './bind-mount.ts';
import { envMap } from './images.ts';

/** The PATH Docker gives a process whose image sets none (and BuildKit a RUN step). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * A container process's environment in Docker's order (the daemon's CreateDaemonEnvironment):
 * PATH, HOSTNAME, TERM with a terminal, then the container's entries and `extra` (exec's -e), each
 * replacing one already there in its place. Lab, Engine 28.5: `docker exec web env` prints PATH,
 * HOSTNAME, then the image's ENV in order.
 */
/** `none` and `host`: network modes, not networks a container joins with an address and ports of its own. */
export const isNetworkMode = (network: string | undefined): boolean =>
  network === 'none' || network === 'host';

/** The container's host name: `--hostname`, else its ID's first 12 digits (HOSTNAME, the shell's prompt). */
export function hostnameOf(c: Pick<Container, 'id' | 'hostname'>): string {
  return c.hostname ?? c.id.slice(0, 12);
}

export function containerEnv(
  c: Container,
  extra: readonly string[] = [],
  tty = false,
): Map<string, string> {
  return envMap([
    `PATH=${DEFAULT_PATH}`,
    `HOSTNAME=${hostnameOf(c)}`,
    ...(tty ? ['TERM=xterm'] : []),
    ...c.env,
    ...extra,
  ]);
}

export interface Container {
  id: string;
  name: string;
  /** the image reference as the learner gave it */
  image: string;
  imageId: string;
  /** what runs: its ENTRYPOINT then its CMD */
  argv: string[];
  /** the two apart, as inspect's Config shows them; absent in sessions saved before they were kept */
  entrypoint?: string[] | null;
  cmd?: string[] | null;
  /** `--hostname`; absent: the short ID */
  hostname?: string;
  created: number;
  startedAt: number | null;
  finishedAt: number | null;
  state: 'created' | 'running' | 'exited';
  /**
   * `docker pause`: still running (its ports accept), its processes frozen until `docker unpause`;
   * absent in sessions saved before pausing was simulated
   */
  paused?: boolean;
  exitCode: number;
  publish: Port[];
  publishAll: boolean;
  /** the bindings made at the last start; kept for display after a failed exec, as the engine does */
  bindings: Port[];
  /** `8000/tcp`, from the image's EXPOSE and from `-p` */
  exposed: string[];
  env: string[];
  autoRemove: boolean;
  /** what the process wrote, `at` the clock's time (`docker logs -t/--since/--until`) */
  logs: LogEntry[];
  app: RunningApp | null;
  fs: Vfs;
  workingDir: string;
  /** `-v` bind mounts, kept in sync with the host for the container's life */
  mounts: Mount[];
  /** `--user`, '' for the image's USER */
  user: string;
  /** `-t`: its process has a terminal (TERM=xterm; a shell waits at its prompt) */
  tty: boolean;
  /** `-i`: its stdin stays open (a shell waits for the lines it reads) */
  openStdin: boolean;
  /** what `docker run -i` had piped to it, read by the process's first start */
  stdin?: string;
  /** `--restart`: no, always, unless-stopped, on-failure[:N] */
  restart: { name: string; maximumRetryCount: number };
  /** `--memory` in bytes; absent: no limit but the machine's */
  memory?: number;
  /** `--cpus` in billionths of a CPU; absent: no limit */
  nanoCpus?: number;
  /** undoes the mounts' synchronisation (when the container is removed) */
  unmount: (() => void)[];
  /** its address on its network while it runs or starts (`172.17.0.2`), absent otherwise */
  address?: string;
  /** `none`, or a user-defined network it is on (Compose's `demo_default`); absent: the default bridge */
  network?: string;
  /** why its last start failed (`docker inspect`'s State.Error); absent once a start succeeds */
  error?: string;
  /** the ID of that user-defined network when the container was made (absent: it did not exist, or a session saved before) */
  networkId?: string;
  /** `com.docker.compose.*` and the like; absent: none */
  labels?: Record<string, string>;
  /**
   * A shell script as its process that outlives the command that started it (`sleep 60`,
   * `sh -c '…; sleep infinity'`): it ran on the container's own clock, so its end and the output
   * it writes after the start wait here until the host's clock reaches them (`DockerEngine.settle`).
   */
  script?: { ends: number; code: number; pending: LogEntry[] };
  /** undoes the port listeners of the current run */
  release: (() => void)[];
  /** `docker logs -f` and attached `docker run` followers */
  followers: Set<(text: string) => void>;
  /** called once each time the container stops (an attached `docker run` returns then) */
  exitWaiters: Set<() => void>;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  text: string;
  at: number;
}

/** Resolves when the container next stops (at once if it is not running). */
export function exited(container: Container): Promise<void> {
  if (container.state !== 'running') return Promise.resolve();
  return new Promise((resolve) => container.exitWaiters.add(resolve));
}

export function appendLog(
  container: Container,
  stream: 'stdout' | 'stderr',
  text: string,
  at: number,
): void {
  container.logs.push({ stream, text, at });
  for (const follow of container.followers) follow(text);
}

/** The state `docker ps` and `inspect` name, and `--filter status=` matches: a paused container's is `paused`. */
export function stateName(c: Container): Container['state'] | 'paused' {
  return c.state === 'running' && c.paused ? 'paused' : c.state;
}

export function statusText(c: Container, now: number, human: (ms: number) => string): string {
  if (c.state === 'running')
    return `Up ${human(now - (c.startedAt ?? now))}${c.paused ? ' (Paused)' : ''}`;
  if (c.state === 'exited')
    return `Exited (${c.exitCode}) ${human(now - (c.finishedAt ?? now))} ago`;
  return 'Created';
}

/** The rows `docker ps` shows in PORTS: bindings while running (or kept after a failed exec), exposed-only ports otherwise. */
export function portRows(c: Container): Port[] {
  if (c.state === 'exited') return [];
  const published = new Set(c.bindings.map((b) => `${b.containerPort}/${b.protocol}`));
  // On `none` there are no ports at all (lab: PORTS empty, NetworkSettings.Ports `{}`).
  const exposedOnly =
    c.state === 'running' && !isNetworkMode(c.network)
      ? c.exposed.filter((p) => !published.has(p))
      : [];
  return [
    ...c.bindings,
    ...exposedOnly.map((p) => {
      const [port, protocol] = p.split('/') as [string, Port['protocol'] | undefined];
      return {
        hostIp: null,
        hostPort: null,
        containerPort: Number(port),
        protocol: protocol ?? 'tcp',
      };
    }),
  ];
}
