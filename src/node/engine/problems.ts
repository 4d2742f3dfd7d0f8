/**
 * Why Layerwise could not read the learner's Docker Engine, said so the learner can act on it. The
 * exact words are pinned by tests/unit/engine/problems.test.ts; nothing here prints a stack trace.
 */
import { describeEndpoint, type EngineEndpoint } from './docker-host.ts';

/** Every kind of problem the local API's 503 may name (docs/check-my-docker.md). */
export const ENGINE_PROBLEM_KINDS = [
  'not-installed',
  'no-socket',
  'not-running',
  'permission-denied',
  'too-old',
  'bad-config',
  'unsupported',
  'timeout',
  'unexpected',
] as const;

export type EngineProblemKind = (typeof ENGINE_PROBLEM_KINDS)[number];

export interface EngineProblem {
  kind: EngineProblemKind;
  message: string;
  hint: string;
}

export const MIN_API_VERSION = '1.41';

const START_HINT: Record<string, string> = {
  linux: 'Start it with `sudo systemctl start docker` (or start Docker Desktop), then try again.',
  darwin:
    'Start Docker Desktop (or `colima start`, or `podman machine start`) and wait until it says it is running.',
  win32: 'Start Docker Desktop and wait until it says it is running.',
};

export function notInstalled(looked: readonly string[]): EngineProblem {
  return {
    kind: 'not-installed',
    message: `Docker does not seem to be installed: no \`docker\` or \`podman\` command on PATH, and no engine socket at ${list(looked)}.`,
    hint: 'Install Docker Desktop or Docker Engine (https://docs.docker.com/get-docker/), start it, and try again.',
  };
}

export function noSocket(looked: readonly string[], platform: string): EngineProblem {
  return {
    kind: 'no-socket',
    message: `Docker is installed, but no engine socket was found. Looked at ${list(looked)}.`,
    hint: `${START_HINT[platform] ?? START_HINT['linux']} If your engine listens elsewhere, set DOCKER_HOST (e.g. DOCKER_HOST=unix:///path/to/docker.sock) or pick it with \`docker context use NAME\`.`,
  };
}

export function badConfig(what: string, hint: string): EngineProblem {
  return { kind: 'bad-config', message: what, hint };
}

export function unsupported(what: string): EngineProblem {
  return {
    kind: 'unsupported',
    message: `Layerwise cannot read an engine at ${what}; it reads a Docker Engine on this machine (a unix socket, a Windows named pipe or tcp://).`,
    hint: 'Paste the output of the command into the exercise instead, or point DOCKER_HOST at a local engine.',
  };
}

export function tooOld(apiVersion: string, engineVersion: string): EngineProblem {
  return {
    kind: 'too-old',
    message: `This engine (version ${engineVersion}) speaks Docker API ${apiVersion}; Layerwise needs API ${MIN_API_VERSION} or newer (Docker Engine 20.10 or Podman 3, from 2020-21).`,
    hint: 'Update Docker (Docker Desktop: Check for updates; Linux: https://docs.docker.com/engine/install/), or paste the outputs into the exercises instead.',
  };
}

/** A failed connection or call, from Node's error code: what happened at `where`, and what to do. */
export function connectionProblem(
  error: unknown,
  endpoint: EngineEndpoint,
  platform: string,
): EngineProblem {
  const where = describeEndpoint(endpoint);
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ECONNREFUSED') {
    return {
      kind: 'not-running',
      message: `The Docker Engine is not running: nothing answers at ${where} (${code === 'ENOENT' ? 'no such socket' : 'connection refused'}).`,
      hint: START_HINT[platform] ?? START_HINT['linux'] ?? '',
    };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      kind: 'permission-denied',
      message: `Permission denied on ${where}: your user may not talk to the Docker Engine.`,
      hint:
        platform === 'linux'
          ? 'Add yourself to the docker group: `sudo usermod -aG docker $USER`, then log out and back in (or run `newgrp docker`). Members of that group can do anything root can; rootless Docker is the alternative.'
          : platform === 'win32'
            ? 'Add your user to the docker-users group (Computer Management → Local Users and Groups), then sign out and in.'
            : 'Restart Docker Desktop; if it persists, reset the socket permissions from Docker Desktop’s Troubleshoot menu.',
    };
  }
  if (code === 'ETIMEDOUT' || code === 'timeout') {
    return {
      kind: 'timeout',
      message: `The Docker Engine at ${where} did not answer in time.`,
      hint: 'Check that Docker has finished starting (`docker version` answers), then try again.',
    };
  }
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH'
  ) {
    return {
      kind: 'bad-config',
      message: `Cannot reach the engine host in ${where} (${code}).`,
      hint: 'Check DOCKER_HOST or the current Docker context (`docker context ls`).',
    };
  }
  return {
    kind: 'unexpected',
    message: `The Docker Engine at ${where} answered with an error: ${oneLine(errorMessage(error))}.`,
    hint: 'Check that `docker version` works in a terminal; set LAYERWISE_DEBUG=1 for details.',
  };
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    // dockerode puts the engine's own {"message": …} under json.
    const json = (error as { json?: { message?: unknown } }).json;
    if (json && typeof json.message === 'string') return json.message;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? 'no place')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
