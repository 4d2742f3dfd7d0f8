/**
 * Runs a scenario on the real Docker Engine through the real CLI, in a fresh copy of the
 * workspace in a temp dir. Must run inside `flock /tmp/layerwise-docker.lock` (the engine is
 * shared). Each scenario starts from a cold build cache and removes, before and after, the
 * containers and tags it creates. After a command starts a container it waits (polling with a
 * deadline, never a fixed sleep) until Uvicorn is up or the container has stopped, because on a
 * real machine a learner's next command comes seconds later. Only the scenario's own commands go
 * through the CLI; what the runner asks in between goes through the Engine API (lab-engine.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_BASES } from '../../src/core/sandbox/docker/base-image.ts';
import type { CommandRecord, RecordedRun } from './summary.ts';
import {
  containerIds,
  imageId,
  imageIds,
  pruneBuildCache,
  pruneContainers,
  pruneImages,
  removeContainers,
  removeImages,
  settle,
  volumeNames,
  waitFor,
} from './lab-engine.ts';
import { WORKSPACE, type Scenario } from './load.ts';

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

async function cleanup(
  names: { containers: string[]; tags: string[] },
  extraContainers: string[],
): Promise<void> {
  await removeContainers([...names.containers, ...extraContainers]);
  await removeImages(names.tags);
}

/** Images every scenario starts with, as the simulator's machine has them. */
// The lab's two base images, which the simulated engine also holds from the start.
const BASE_IMAGES = LAB_BASES.map((b) => b.tag);

/**
 * A scenario that prunes stopped containers or dangling images would delete other people's too,
 * and list them (with the layers they free) in its output. Those go first, so the recording
 * shows only the scenario's own: it removes nothing the scenario itself would not remove.
 */
async function clearWhatItPrunes(scenario: Scenario): Promise<void> {
  const all = scenario.commands.join('\n');
  if (/\bdocker (?:container prune|system prune)\b/.test(all)) await pruneContainers();
  if (/\bdocker (?:image prune|system prune)\b/.test(all)) await pruneImages();
}

export async function runOnEngine(scenario: Scenario): Promise<RecordedRun> {
  const names = createdNames(scenario);
  await cleanup(names, []);
  await clearWhatItPrunes(scenario);
  await pruneBuildCache();
  const before = new Set(await containerIds());
  const base = new Set(await Promise.all(BASE_IMAGES.map(imageId)));
  const imagesBefore = new Set(await imageIds());
  const foreign = {
    containers: [...before],
    images: [...imagesBefore].filter((id) => !base.has(id)),
    // `docker system df -v` lists every volume by name; the simulator has none.
    volumes: await volumeNames(),
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
        await waitFor(step.wait);
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
        await settle();
    }
  } finally {
    // The project's network, which no container ID names.
    if (compose) sh('docker compose down >/dev/null 2>&1', dir);
    await cleanup(
      names,
      (await containerIds()).filter((id) => !before.has(id)),
    );
    await removeImages((await imageIds()).filter((id) => !imagesBefore.has(id)));
    rmSync(temp, { recursive: true, force: true });
  }
  return { workdir: dir, foreign, records };
}
