/**
 * Runs a scenario on the real Docker Engine through the real CLI, in a fresh copy of the
 * workspace in a temp dir. Must run inside `flock /tmp/layerwise-docker.lock` (the engine is
 * shared). Each scenario starts from a cold build cache and removes, before and after, the
 * containers and tags it creates. After a command starts a container it waits (polling with a
 * deadline, never a fixed sleep) until Uvicorn is up or the container has stopped, because on a
 * real machine a learner's next command comes seconds later.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_BASES } from '../../src/core/sandbox/docker/base-image.ts';
import type { CommandRecord, RecordedRun } from './summary.ts';
import { WORKSPACE, type Scenario, type WaitCondition } from './load.ts';

const sh = (command: string, cwd?: string) => {
  const r = spawnSync('bash', ['-c', command], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOCKER_CLI_HINTS: 'false' },
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', code: r.status ?? 1 };
};

export function dockerAnswers(): boolean {
  return sh('docker version --format "{{.Server.Version}}"').code === 0;
}

/** What recorded the outputs: CLI, Engine, buildx and curl versions, and the base image's ID. */
export function engineVersions(): string {
  const version = sh(
    'docker version --format "Docker CLI {{.Client.Version}}, Engine {{.Server.Version}}"',
  ).stdout.trim();
  const buildx = /\d+\.\d+\.\d+/.exec(sh('docker buildx version').stdout)?.[0] ?? '?';
  const curl = /curl (\S+)/.exec(sh('curl --version').stdout)?.[1] ?? '?';
  const base = sh("docker image inspect -f '{{.Id}}' python:3.13-slim").stdout.trim().slice(7, 19);
  return `${version}, buildx ${buildx}, curl ${curl}; base image python:3.13-slim ${base} (lab stand-in)`;
}

/** The container names and image tags a scenario creates, found in its commands. */
function createdNames(scenario: Scenario): { containers: string[]; tags: string[] } {
  const containers = new Set<string>();
  const tags = new Set<string>();
  for (const c of scenario.commands) {
    for (const m of c.matchAll(/--name[ =](\S+)/g)) containers.add(m[1]!);
    // Only a build's -t names an image: `docker stop -t 1` is a grace, and `docker rmi -f 1`
    // removes the one image whose ID starts with 1 (it took the lab's python:3.14-slim, 10a86f5bb86f).
    if (/^docker (?:build|buildx build|image build|builder build)\b/.test(c))
      for (const m of c.matchAll(/(?:^|\s)(?:-t|--tag)[ =](\S+)/g)) tags.add(m[1]!);
    const tag = /^docker (?:image )?tag \S+ (\S+)/.exec(c);
    if (tag) tags.add(tag[1]!);
  }
  return { containers: [...containers], tags: [...tags] };
}

function cleanup(names: { containers: string[]; tags: string[] }, extraContainers: string[]): void {
  const all = [...names.containers, ...extraContainers];
  if (all.length) sh(`docker rm -f ${all.join(' ')} >/dev/null 2>&1`);
  if (names.tags.length) sh(`docker rmi -f ${names.tags.join(' ')} >/dev/null 2>&1`);
}

function containerIds(): string[] {
  return sh('docker ps -aq --no-trunc').stdout.split('\n').filter(Boolean);
}

function imageIds(): string[] {
  return sh('docker images -aq --no-trunc').stdout.split('\n').filter(Boolean);
}

/** Images every scenario starts with, as the simulator's machine has them. */
// The lab's two base images, which the simulated engine also holds from the start.
const BASE_IMAGES = LAB_BASES.map((b) => b.tag);

/**
 * Waits until every running container's current run has Uvicorn up (or has stopped), 30 s at most.
 * A container whose process is not Python (`sleep infinity`, `sh -c '…; sleep 20'`) starts no
 * server, so it is not waited for.
 */
function settle(): void {
  const deadline = Date.now() + 30_000;
  const serves = (id: string) =>
    /uvicorn|fastapi|python/.test(sh(`docker inspect -f '{{.Path}} {{.Args}}' ${id}`).stdout);
  const upSinceStart = (id: string) => {
    // Only this run's lines: a restarted container still has the last run's startup lines.
    const started = sh(`docker inspect -f '{{.State.StartedAt}}' ${id}`).stdout.trim();
    return /Uvicorn running|Application startup complete|Error loading/.test(
      sh(`docker logs --since ${started} ${id} 2>&1`).stdout,
    );
  };
  for (;;) {
    const running = sh('docker ps -q').stdout.split('\n').filter(Boolean);
    const pending = running.filter((id) => serves(id) && !upSinceStart(id));
    if (pending.length === 0 || Date.now() > deadline) return;
    spawnSync('sleep', ['0.2']);
  }
}

/**
 * The engine is shared: other people's containers and images (made before the lock was taken) are
 * recorded as `foreign`, so the summary leaves them out of lists, as the simulator's fresh machine
 * never has them.
 */
/** Polls until a `#wait` condition holds (60 s at most, then the scenario goes on and fails visibly). */
function waitFor(condition: WaitCondition): void {
  const deadline = Date.now() + 60_000;
  const holds = () =>
    'state' in condition
      ? sh(`docker inspect -f '{{.State.Status}}' ${condition.container}`).stdout.trim() ===
        condition.state
      : sh(`docker logs ${condition.container} 2>&1`).stdout.split(condition.log).length - 1 >=
        condition.count;
  while (!holds() && Date.now() < deadline) spawnSync('sleep', ['0.2']);
}

/**
 * Every scenario starts with no build cache. BuildKit releases the last build's records a moment
 * after that build returns, so one prune can leave some behind (scenario 29's WORKDIR then showed
 * CACHED on CI): prune until none is left, 10 s at most (records another build holds stay).
 */
function pruneBuildCache(): void {
  const deadline = Date.now() + 10_000;
  for (;;) {
    sh('docker builder prune -af >/dev/null 2>&1');
    const left = sh(`docker buildx du --format '{{.ID}}'`).stdout.trim();
    if (!left || Date.now() >= deadline) return;
    spawnSync('sleep', ['0.2']);
  }
}

/**
 * A scenario that prunes stopped containers or dangling images would delete other people's too,
 * and list them (with the layers they free) in its output. Those go first, so the recording
 * shows only the scenario's own: it removes nothing the scenario itself would not remove.
 */
function clearWhatItPrunes(scenario: Scenario): void {
  const all = scenario.commands.join('\n');
  if (/\bdocker (?:container prune|system prune)\b/.test(all))
    sh('docker container prune -f >/dev/null 2>&1');
  if (/\bdocker (?:image prune|system prune)\b/.test(all))
    sh('docker image prune -f >/dev/null 2>&1');
}

export function runOnEngine(scenario: Scenario): RecordedRun {
  const names = createdNames(scenario);
  cleanup(names, []);
  clearWhatItPrunes(scenario);
  pruneBuildCache();
  const before = new Set(containerIds());
  const base = new Set(
    BASE_IMAGES.map((ref) => sh(`docker image inspect -f '{{.Id}}' ${ref}`).stdout.trim()),
  );
  const imagesBefore = new Set(imageIds());
  const foreign = {
    containers: [...before],
    images: [...imagesBefore].filter((id) => !base.has(id)),
    // `docker system df -v` lists every volume by name; the simulator has none.
    volumes: sh('docker volume ls -q').stdout.split('\n').filter(Boolean),
  };
  const temp = mkdtempSync(join(tmpdir(), 'layerwise-scenario-'));
  // Compose names its project after the folder: `demo`, as the simulator's project folder is.
  const compose = scenario.commands.some((c) => /\bdocker compose\b/.test(c));
  const dir = compose ? join(temp, 'demo') : temp;
  cpSync(WORKSPACE, dir, { recursive: true });
  const records: CommandRecord[] = [];
  try {
    for (const step of scenario.steps) {
      if ('wait' in step) {
        waitFor(step.wait);
        continue;
      }
      const { command } = step;
      // 2>&1 so stdout and stderr interleave as on a terminal.
      const r = sh(`{ ${command}\n} 2>&1`, dir);
      records.push({ command, output: r.stdout, exitCode: r.code });
      if (
        /^docker (?:(?:container )?(?:run|start|restart)|compose (?:up|start|restart))\b/.test(
          command,
        ) &&
        r.code === 0
      )
        settle();
    }
  } finally {
    // The project's network, which no container ID names.
    if (compose) sh('docker compose down >/dev/null 2>&1', dir);
    cleanup(
      names,
      containerIds().filter((id) => !before.has(id)),
    );
    const made = imageIds().filter((id) => !imagesBefore.has(id));
    if (made.length) sh(`docker rmi -f ${made.join(' ')} >/dev/null 2>&1`);
    rmSync(temp, { recursive: true, force: true });
  }
  return { workdir: dir, foreign, records };
}
