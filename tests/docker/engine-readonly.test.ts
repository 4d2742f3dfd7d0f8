/**
 * Layerwise only reads the learner's engine. A recording proxy sits in front of the real socket;
 * the snapshot and `layerwise verify all` go through it; any call that is not a read fails the test.
 * Run: flock /tmp/layerwise-docker.lock -c 'npx vitest run --project docker tests/docker/engine-readonly.test.ts'
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEngine } from '../../src/node/engine/discovery.ts';
import { nodeEnvironment } from '../../src/node/engine/engine-environment.ts';
import { readEngine } from '../../src/node/engine/open-engine.ts';
import {
  changeMessage,
  cleanCourseState,
  docker,
  engineMissing,
  project,
  run,
  waitFor,
} from '../unit/engine/course-lab.ts';

const BIN = new URL('../../bin/layerwise.mjs', import.meta.url).pathname;

const missing = await engineMissing();
if (missing) console.warn(`tests/docker/engine-readonly: skipped, ${missing}`);

/** Every call the engine module may make: GET (or HEAD) on these paths, with or without /vX.Y. */
const READS = [
  /^\/version$/,
  /^\/_ping$/,
  /^\/images\/json$/,
  /^\/images\/.+\/json$/,
  /^\/images\/.+\/history$/,
  /^\/containers\/json$/,
  /^\/containers\/[^/]+\/json$/,
];
const isRead = (method: string, url: string) => {
  const path = url.split('?')[0]!.replace(/^\/v\d+\.\d+(?=\/)/, '');
  return (method === 'GET' || method === 'HEAD') && READS.some((r) => r.test(path));
};

/** A unix-socket HTTP proxy that logs `METHOD URL` and forwards to the real engine socket. */
async function recordingProxy(
  target: string,
): Promise<{ socketPath: string; calls: string[]; server: Server; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lw-proxy-'));
  const socketPath = join(dir, 'docker.sock');
  const calls: string[] = [];
  const server = createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    const upstream = request(
      { socketPath: target, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(socketPath, done));
  return { socketPath, calls, server, dir };
}

describe.skipIf(missing !== null)('reading the engine only reads', () => {
  const created = new Set<string>();
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;

  beforeAll(async () => {
    const found = findEngine(nodeEnvironment(process.env));
    if (!('found' in found) || found.found.endpoint.kind !== 'unix')
      throw new Error('the proxy test needs a unix-socket engine');
    await cleanCourseState(created);
    // A state that makes every kind of read happen: two builds, one running container, one refused.
    const dir = project('course');
    for (const edit of [() => undefined, () => changeMessage(dir)]) {
      edit();
      expect((await docker(['build', '-t', 'demo-image:latest', '.'], dir)).code).toBe(0);
      created.add(
        (
          await docker(['image', 'inspect', '--format', '{{.Id}}', 'demo-image:latest'])
        ).stdout.trim(),
      );
    }
    rmSync(dir, { recursive: true, force: true });
    expect(
      (await docker(['run', '-d', '-p', '8000:8000', '--name', 'demo', 'demo-image'])).code,
    ).toBe(0);
    await docker(['run', '-d', '-p', '8000:8000', '--name', 'eng-refused', 'demo-image']);
    await waitFor(
      async () => (await run('curl', ['-s', 'http://127.0.0.1:8000/'])).code === 0,
      'the app to answer',
    );
    proxy = await recordingProxy(found.found.endpoint.path);
  });

  afterAll(async () => {
    await new Promise((done) => proxy?.server.close(done));
    if (proxy) rmSync(proxy.dir, { recursive: true, force: true });
    await cleanCourseState(created);
  });

  it('takes the snapshot with reads alone', async () => {
    const env = nodeEnvironment({ ...process.env, DOCKER_HOST: `unix://${proxy.socketPath}` });
    const read = await readEngine(env, { image: 'demo-image:latest', previous: null });
    if ('problem' in read) throw new Error(read.problem.message);
    expect(read.snapshot.images.length).toBeGreaterThanOrEqual(2);
    expect(read.snapshot.containers.map((c) => c.name).sort()).toEqual(['demo', 'eng-refused']);
    expect(read.snapshot.probes).toEqual([
      expect.objectContaining({
        url: 'http://127.0.0.1:8000/',
        status: 200,
        body: '"Welcome back to root!"',
      }),
    ]);
    expect(proxy.calls.filter((c) => !isRead(...(c.split(' ') as [string, string])))).toEqual([]);
  });

  it('runs `layerwise verify all` with reads alone', async () => {
    proxy.calls.length = 0;
    const cli = await run('node', [BIN, 'verify', 'all', '--json'], undefined, {
      DOCKER_HOST: `unix://${proxy.socketPath}`,
    });
    expect(cli.code === 0 || cli.code === 1, cli.output).toBe(true);
    expect(Object.keys((JSON.parse(cli.stdout) as { verdicts: object }).verdicts)).toEqual([
      'docker-answers',
      'first-build',
      'cached-rebuild',
      'image-listed',
      'container-running',
      'app-reachable',
    ]);
    const kinds = new Set(
      proxy.calls.map(
        (c) =>
          c
            .replace(/\/v\d+\.\d+/, '')
            .replace(/(images|containers)\/[^?]+\/(json|history)/, '$1/X/$2')
            .split('?')[0],
      ),
    );
    expect([...kinds].sort()).toEqual([
      'GET /containers/X/json',
      'GET /containers/json',
      'GET /images/X/history',
      'GET /images/X/json',
      'GET /images/json',
      'GET /version',
    ]);
    expect(proxy.calls.filter((c) => !isRead(...(c.split(' ') as [string, string])))).toEqual([]);
  });

  it('notices a call that is not a read (the proxy test can fail)', () => {
    expect(isRead('POST', '/v1.41/containers/create')).toBe(false);
    expect(isRead('DELETE', '/v1.41/images/demo-image:latest')).toBe(false);
    expect(isRead('GET', '/v1.41/images/demo-image/get')).toBe(false);
    expect(isRead('GET', '/v1.41/containers/demo/logs')).toBe(false);
  });
});
