/**
 * Lesson 1's question, judged once for every source: does a Docker Engine (or Podman standing in
 * for it) answer the learner's `docker` command, and are both new enough for the course? A paste
 * or the terminal gives the parser's EngineInfo (docker version / docker info / the error that
 * replaced them); the local verifier gives the engine's own GET /version, read into the same shape.
 */
import type { Check } from '../../evidence.ts';
import type { Finding } from '../../docker/index.ts';
import type { EngineInfo, EngineSide } from '../../docker-output/index.ts';
import { check, notChecked } from '../verdict.ts';

/**
 * The course's floor: Docker 23.0 (API 1.42, February 2023) is the first release whose `docker
 * build` uses BuildKit on every system, which is what every build in the lessons shows; older ones
 * print the legacy builder's `Step 1/7 :` and are years out of support. Podman 3 is the oldest the
 * local verifier and the checkers read.
 */
export const FLOOR = { docker: [23, 0], dockerApi: [1, 42], podman: [3, 0] } as const;

const ROOT_EQUIVALENT =
  ' Know what the group grants: the engine runs as root and does whatever a member asks, such as starting a container that mounts / and changes any file, so the docker group is as good as root. On a computer you share, prefer sudo or rootless Docker.';

/** `28.5.2+dfsg4` → [28, 5]; `master`, `dev` → null (a build with no release number). */
function release(version: string | null): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

const atLeast = (v: readonly [number, number], floor: readonly [number, number]) =>
  v[0] - floor[0] || v[1] - floor[1];

/** Whether one side is new enough: by its release, else by its API version; null when neither says. */
function recentEnough(side: EngineSide, product: EngineInfo['product']): boolean | null {
  const version = release(side.version);
  if (product === 'podman') return version ? atLeast(version, FLOOR.podman) >= 0 : null;
  if (version) return atLeast(version, FLOOR.docker) >= 0;
  const api = release(side.apiVersion);
  return api ? atLeast(api, FLOOR.dockerApi) >= 0 : null;
}

const named = (side: EngineSide) =>
  `${side.version ?? 'an unnamed build'}${side.apiVersion ? ` (API ${side.apiVersion})` : ''}`;

function versionCheck(
  id: 'engine-recent' | 'client-recent',
  side: EngineSide,
  engine: EngineInfo,
  line: number | undefined,
): Check {
  const podman = engine.product === 'podman';
  const what = id === 'client-recent' ? 'Your docker command' : podman ? 'Podman' : 'The engine';
  const floor = podman ? 'Podman 3.0' : 'Docker 23.0';
  const ok = recentEnough(side, engine.product);
  if (ok === null)
    return check(
      id,
      true,
      `${what} is ${named(side)}: a build without a release number, so its age is not checked.`,
      { line },
    );
  if (ok)
    return check(id, true, `${what} is ${named(side)}: ${floor} or newer, as the course needs.`, {
      line,
    });
  return check(id, false, `${what} is ${named(side)}, older than the course needs (${floor}).`, {
    line,
    hint: podman
      ? 'Update Podman from your system’s packages (podman.io/docs/installation); Podman before 3 does not serve the Docker API the course’s checks read.'
      : engine.desktop
        ? 'Update Docker Desktop (its menu: Check for updates). Before 23.0, docker build used the legacy builder, so your builds would print “Step 1/7 :” instead of what the lessons show, and these releases no longer get security fixes.'
        : 'Install a current Docker from Docker’s own packages (docs.docker.com/engine/install/; a distribution’s docker.io package can be years old), or update Docker Desktop. Before 23.0, docker build used the legacy builder, so your builds would print “Step 1/7 :” instead of what the lessons show, and these releases no longer get security fixes.',
  });
}

/**
 * `answer` is the diagnosis of the same output (diagnoseEngine's findings, the words `layerwise
 * explain` prints), so the panel and explain never disagree about what happened.
 */
export function judgeEngine(engine: EngineInfo, findings: Finding[], line?: number): Check[] {
  const error = findings.find((f) => f.severity === 'error');
  const answered = findings.find((f) => f.id === 'engine-answered');
  // Podman without a service is its own engine: the version it prints is the one that answers.
  const server = engine.server ?? (engine.product === 'podman' ? engine.client : null);
  const answers: Check = error
    ? check('engine-answers', false, error.message, {
        line: error.line ?? line,
        hint: `${error.hint ?? ''}${engine.state === 'permission-denied' ? ROOT_EQUIVALENT : ''}`.trim(),
      })
    : answered && server
      ? check('engine-answers', true, answered.message, {
          line,
          hint: engine.product === 'podman' ? answered.hint : undefined,
        })
      : check(
          'engine-answers',
          false,
          findings.find((f) => f.id === 'engine-client-only')?.message ??
            'Nothing here says an engine answered.',
          {
            line,
            hint: 'A working install prints a Server: section below the Client: one. Copy everything docker version printed, down to its last line: an error there says why the engine did not answer.',
          },
        );
  const checks = [
    answers,
    answers.ok && server
      ? versionCheck('engine-recent', server, engine, line)
      : notChecked('engine-recent', 'no engine answered'),
  ];
  // The docker command's own version shows only where it printed it (not when read from the
  // engine); Podman without a service has no client apart from the engine judged above.
  if (engine.client?.version && engine.client !== server)
    checks.push(versionCheck('client-recent', engine.client, engine, line));
  return checks;
}
