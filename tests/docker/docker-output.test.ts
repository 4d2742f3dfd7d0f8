/**
 * The parser against output produced now, on whatever engine answers: the course project's build
 * (plain and legacy), its history, a published container in docker ps, a port conflict and curl.
 * Run inside the shared-engine lock:
 *   flock /tmp/layerwise-docker.lock -c 'npx vitest run --project docker tests/docker/docker-output.test.ts'
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, parse } from '../../src/core/docker-output/index.ts';
import type { Part } from '../../src/core/docker-output/types.ts';

const run = (command: string, cwd?: string) =>
  spawnSync('bash', ['-c', `${command} 2>&1`], { cwd, encoding: 'utf8' });
// `docker version` fails when the daemon answers with an error (a stopped Docker Desktop answers
// HTTP 500 on its socket); `docker info` exits 0 then, and the tests below would run and fail.
const probe = run('docker version --format "{{.Server.Version}}"');
const engine = probe.status === 0;
if (!engine)
  console.warn(
    `tests/docker/docker-output: skipped, no Docker Engine answers here (docker version: ${probe.stdout.trim().split('\n')[0] ?? probe.status})`,
  );
const IMAGE = 'fx-output-test';
const WEB = 'fx-output-web';
const PORT = 18198;
const of = <K extends Part['kind']>(text: string, kind: K) =>
  parse(text).find((p): p is Extract<Part, { kind: K }> => p.kind === kind);

function waitFor(check: () => boolean, deadlineMs = 20_000): void {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    spawnSync('sleep', ['0.1']);
  }
}

describe.skipIf(!engine)('docker-output on a real engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fx-output-'));
  beforeAll(() => {
    cpSync(new URL('../../content/workspace/solution/', import.meta.url).pathname, dir, {
      recursive: true,
    });
  });
  afterAll(() => {
    run(`docker rm -f ${WEB} ${WEB}-2 >/dev/null; docker rmi ${IMAGE} >/dev/null`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a BuildKit plain build of the course project, then its cached rebuild', () => {
    const first = run(`docker build --progress=plain -t ${IMAGE} .`, dir);
    expect(first.status).toBe(0);
    const build = of(first.stdout, 'build')!;
    expect(build.build).toMatchObject({ success: true, tags: [`${IMAGE}:latest`], error: null });
    expect(build.build.steps.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
    const again = of(run(`docker build --progress=plain -t ${IMAGE} .`, dir).stdout, 'build')!;
    expect(again.build.steps.slice(1).every((s) => s.cached)).toBe(true);
  });

  it('reads a legacy build and the history of a BuildKit image', () => {
    const legacy = run(`DOCKER_BUILDKIT=0 docker build -t ${IMAGE} .`, dir);
    expect(of(legacy.stdout, 'build')?.format).toBe('legacy');
    const history = of(run(`docker history ${IMAGE}`).stdout, 'history')!;
    expect(history.history.layers.length).toBeGreaterThanOrEqual(6);
  });

  it('reads a published container, a port conflict, and what curl gets back', () => {
    run(`docker rm -f ${WEB} ${WEB}-2 >/dev/null; docker build -q -t ${IMAGE} .`, dir);
    expect(run(`docker run -d -p ${PORT}:8000 --name ${WEB} ${IMAGE}`).status).toBe(0);
    waitFor(() => run(`curl -s -o /dev/null localhost:${PORT}`).status === 0);
    const ps = of(run(`docker ps --filter name=${WEB}`).stdout, 'ps')!;
    expect(
      ps.ps.containers[0]!.ports.some((p) => p.hostPort === PORT && p.containerPort === 8000),
    ).toBe(true);
    const conflict = explain(run(`docker run -d -p ${PORT}:8000 --name ${WEB}-2 ${IMAGE}`).stdout);
    expect(conflict.findings.map((f) => f.id)).toContain('run-port-allocated');
    // A bare body is only curl's with the command line typed before it, as a paste has it.
    const curl = `$ curl -s localhost:${PORT}\n${run(`curl -s localhost:${PORT}`).stdout}`;
    expect(of(curl, 'curl')?.curl).toMatchObject({ ok: true, body: '"Welcome to root"' });
  });
});

describe.skipIf(engine)('docker-output on a real engine', () => {
  it.skip('skipped: no Docker Engine answers (docker version failed)', () => undefined);
});
