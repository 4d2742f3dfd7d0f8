/**
 * What the scenario runner asks the lab engine between a scenario's commands (what it holds, is a
 * server up yet, clear the build cache), through the Engine API in this process. The commands a
 * scenario records go through the real CLI (real-runner.ts); these did too, and each `docker` call
 * cost about 90 ms of CPU to start the CLI: some 15–35 per scenario, polls included, about 45% of
 * a scenario's time on this 2-core machine, taken from the browser tests running beside them.
 */
import Docker from 'dockerode';
import { setTimeout as delay } from 'node:timers/promises';
import type { WaitCondition } from './load.ts';

const docker = new Docker();

const POLL_MS = 100;

/** The error's HTTP status, if the engine answered one. */
const status = (error: unknown) => (error as { statusCode?: number }).statusCode;

/**
 * One look of a poll, with any error as "not yet" (`null`), as the `docker` CLI calls these were
 * with their errors thrown away: an engine answering 409 or 500 for a moment (a container being
 * removed, a prune already running) is not a scenario's failure. A poll has a deadline, and the
 * scenario's next command meets an engine that stays broken.
 */
async function polled<T>(look: () => Promise<T>): Promise<T | null> {
  try {
    return await look();
  } catch {
    return null;
  }
}

/** `call()`, with the engine's 404 (no such container or image) as `null`. */
async function unlessMissing<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (status(error) === 404) return null;
    throw error;
  }
}

/** Full IDs of every container (`docker ps -aq --no-trunc`), or only the running ones. */
export async function containerIds(all = true): Promise<string[]> {
  return (await docker.listContainers({ all })).map((c) => c.Id);
}

/** Full IDs of every image, intermediate ones too (`docker images -aq --no-trunc`). */
export async function imageIds(): Promise<string[]> {
  return (await docker.listImages({ all: true })).map((i) => i.Id);
}

export async function imageId(ref: string): Promise<string | null> {
  return (await unlessMissing(() => docker.getImage(ref).inspect()))?.Id ?? null;
}

export async function volumeNames(): Promise<string[]> {
  return ((await docker.listVolumes()).Volumes ?? []).map((v) => v.Name);
}

/**
 * Best effort, as `docker rm -f`/`docker rmi -f` were with their errors thrown away: a name the
 * engine refuses (a scenario's `docker tag demo-image UPPER/case`), one that is not there, an image
 * another depends on. Only an engine that does not answer fails the scenario.
 */
async function quietly(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (status(error) === undefined) throw error;
  }
}

export async function removeContainers(refs: readonly string[]): Promise<void> {
  for (const ref of refs) await quietly(() => docker.getContainer(ref).remove({ force: true }));
}

export async function removeImages(refs: readonly string[]): Promise<void> {
  for (const ref of refs) await quietly(() => docker.getImage(ref).remove({ force: true }));
}

/** `docker container prune -f`, `docker image prune -f` (dangling images only). */
export const pruneContainers = () => docker.pruneContainers();
export const pruneImages = () => docker.pruneImages();

function dial<T>(method: 'GET' | 'POST', path: string, options: object): Promise<T> {
  return new Promise((resolve, reject) =>
    docker.modem.dial(
      { method, path: `${path}?`, options, statusCodes: { 200: true } },
      (error: Error | null, data: unknown) => (error ? reject(error) : resolve(data as T)),
    ),
  );
}

/**
 * Every scenario starts with no build cache. BuildKit releases the last build's records a moment
 * after that build returns, so one prune can leave some behind (scenario 29's WORKDIR then showed
 * CACHED on CI): prune until none is left, 10 s at most (records another build holds stay).
 */
export async function pruneBuildCache(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const left = await polled(async () => {
      await dial('POST', '/build/prune', { all: true });
      const { BuildCache } = await dial<{ BuildCache?: unknown[] | null }>('GET', '/system/df', {
        type: 'build-cache',
      });
      return BuildCache?.length ?? 0;
    });
    if (left === 0 || Date.now() >= deadline) return;
    await delay(POLL_MS);
  }
}

/** A container's log as text (both streams; a container without a terminal frames each write). */
async function logText(id: string, tty: boolean, since?: string): Promise<string> {
  const raw = await docker
    .getContainer(id)
    .logs({ stdout: true, stderr: true, follow: false, ...(since ? { since } : {}) });
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw));
  if (tty) return bytes.toString('utf8');
  // Each frame: stream (1 byte), 3 zero bytes, payload length (4 bytes, big-endian), payload.
  const parts: Buffer[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    const size = bytes.readUInt32BE(at + 4);
    parts.push(bytes.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** `docker logs --since` takes RFC 3339 and sends the engine seconds.nanoseconds since the epoch. */
function unixSince(rfc3339: string): string {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (!m) return '0';
  const seconds = Math.floor(Date.parse(`${m[1]}${m[3]}`) / 1000);
  return `${seconds}.${(m[2] ?? '').padEnd(9, '0').slice(0, 9)}`;
}

/**
 * Waits until every running container's current run has Uvicorn up (or has stopped), 30 s at most.
 * A container whose process is not Python (`sleep infinity`, `sh -c '…; sleep 20'`) starts no
 * server, so it is not waited for.
 */
export async function settle(): Promise<void> {
  const deadline = Date.now() + 30_000;
  const pending = async (id: string) => {
    const c = await unlessMissing(() => docker.getContainer(id).inspect());
    if (!c?.State.Running) return false;
    if (!/uvicorn|fastapi|python/.test(`${c.Path} ${c.Args.join(' ')}`)) return false;
    // Only this run's lines: a restarted container still has the last run's startup lines.
    const log = await logText(id, c.Config.Tty, unixSince(c.State.StartedAt));
    return !/Uvicorn running|Application startup complete|Error loading/.test(log);
  };
  for (;;) {
    const waiting = await polled(async () => {
      let count = 0;
      // A container the engine could not answer for is still waited for.
      for (const id of await containerIds(false))
        if ((await polled(() => pending(id))) ?? true) count++;
      return count;
    });
    if (waiting === 0 || Date.now() > deadline) return;
    await delay(POLL_MS);
  }
}

/** Polls until a `#wait` condition holds (60 s at most, then the scenario goes on and fails visibly). */
export async function waitFor(condition: WaitCondition): Promise<void> {
  const deadline = Date.now() + 60_000;
  const holds = async () => {
    const c = await docker.getContainer(condition.container).inspect();
    if ('state' in condition) return c.State.Status === condition.state;
    const log = await logText(c.Id, c.Config.Tty);
    return log.split(condition.log).length - 1 >= condition.count;
  };
  while (!(await polled(holds)) && Date.now() < deadline) await delay(POLL_MS);
}
