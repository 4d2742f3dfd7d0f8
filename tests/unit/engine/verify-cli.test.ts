import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, Verdict } from '../../../src/core/evidence.ts';
import type { CliIo } from '../../../src/node/cli/io.ts';
import { verifyCommandWith } from '../../../src/node/cli/verify.ts';
import { ENGINE_EXERCISES } from '../../../src/node/engine/verify-exercises.ts';
import { startReplayEngine, type ReplayEngine } from './replay-engine.ts';

let engine: ReplayEngine;
// The stopped-container capture: nothing running, so no HTTP probe leaves this test.
beforeAll(
  async () => (engine = await startReplayEngine({ containers: 'containers-stopped.json' })),
);
afterAll(() => engine.close());

/** A stand-in for the course's check(): passes everything but `failing`, and remembers what it saw. */
function fakeCheck(failing?: string) {
  const seen: Evidence[] = [];
  const check = (id: string, evidence: Evidence): Verdict => {
    seen.push(evidence);
    const ok = id !== failing;
    return {
      status: ok ? 'pass' : 'fail',
      evidence: evidence.source,
      checks: [{ id: 'only', ok, message: `${id} judged`, ...(ok ? {} : { hint: 'do this' }) }],
    };
  };
  return { check, seen };
}

async function verify(
  args: string[],
  options: { failing?: string; env?: Record<string, string> } = {},
) {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c) => (text.out += String(c)));
  err.on('data', (c) => (text.err += String(c)));
  const io: CliIo = {
    stdin: new PassThrough(),
    stdout: out,
    stderr: err,
    env: options.env ?? { DOCKER_HOST: `unix://${engine.socketPath}` },
    cwd: '/',
  };
  const { check, seen } = fakeCheck(options.failing);
  const code = await verifyCommandWith(check).run(args, io);
  return { code, ...text, seen };
}

describe('layerwise verify', () => {
  it('checks every engine exercise against one snapshot and exits 0 when all pass', async () => {
    const { code, out, seen } = await verify([]);
    expect(code).toBe(0);
    expect(out).toContain(
      `Docker Engine 20.10.24+dfsg1 (API 1.41) at unix://${engine.socketPath}, found through DOCKER_HOST`,
    );
    expect(out).toContain('All 6 exercises passed on your Docker.');
    expect(seen).toHaveLength(ENGINE_EXERCISES.length);
    expect(new Set(seen.map((e) => e.source === 'engine' && e.snapshot))).toHaveProperty('size', 1);
  });

  it('exits 1 and shows the failing check with its hint', async () => {
    const { code, out } = await verify(['all'], { failing: 'cached-rebuild' });
    expect(code).toBe(1);
    expect(out).toMatch(
      /Rebuild after changing app\/main\.py \(cached-rebuild\)\n {2}✗ cached-rebuild judged\n {4}do this/,
    );
    expect(out).toContain('5 of 6 exercises passed on your Docker.');
  });

  it('--json prints the verdicts by exercise', async () => {
    const { code, out } = await verify([
      'container-running',
      '--json',
      '--image',
      'demo-image:latest',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      engine: { version: string; address: string };
      verdicts: Record<string, Verdict>;
    };
    expect(Object.keys(json.verdicts)).toEqual(['container-running']);
    expect(json.engine).toMatchObject({
      version: '20.10.24+dfsg1',
      kind: 'docker',
      address: `unix://${engine.socketPath}`,
    });
  });

  it('passes --image and --previous on to the snapshot', async () => {
    const { seen } = await verify([
      'cached-rebuild',
      '--image=docker.io/library/demo-image',
      '--previous',
      'demo-image:v1',
    ]);
    expect(seen[0]).toMatchObject({
      source: 'engine',
      snapshot: { image: 'demo-image:latest', previousTag: 'demo-image:v1' },
    });
  });

  it('only reads', () => {
    expect(engine.requests.length).toBeGreaterThan(0);
    for (const r of engine.requests)
      expect(r).toMatch(
        /^GET \/(v1\.41\/)?(version|images\/json|images\/[^ ]+\/(json|history)|containers\/json\?all=true|containers\/\w+\/json)$/,
      );
  });

  it.each<[string, string[], Record<string, string> | undefined, RegExp]>([
    [
      'an engine that is not running',
      [],
      { DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
      /^layerwise verify: The Docker Engine is not running: nothing answers at unix:\/\/\/nonexistent\/docker\.sock \(no such socket\)\.\n {2}Start it/,
    ],
    [
      'an SSH engine',
      [],
      { DOCKER_HOST: 'ssh://me@server' },
      /^layerwise verify: Layerwise cannot read an engine at an SSH address/,
    ],
    [
      'an unknown exercise',
      ['nope'],
      undefined,
      /^layerwise verify: there is no exercise "nope"\. Exercises checked against your engine:\n {2}docker-answers {5}Check that Docker answers\n {2}first-build/,
    ],
    [
      'an exercise that reads pastes only',
      ['dockerfile-written'],
      undefined,
      /"dockerfile-written" reads what you paste, not your engine: use `layerwise check dockerfile-written`/,
    ],
    [
      'an unknown option',
      ['--force'],
      undefined,
      /^layerwise verify: unknown option --force\n\nUsage:/,
    ],
    ['two exercises', ['first-build', 'app-reachable'], undefined, /name at most one exercise/],
    [
      'F1: an --image with an empty path part',
      ['first-build', '--image', 'demo-image//latest'],
      undefined,
      /^layerwise verify: --image demo-image\/\/latest is not an image reference \(NAME\[:TAG\], such as demo-image:latest\)\.$/m,
    ],
    [
      'F1: a --previous with ..',
      ['cached-rebuild', '--previous', 'a/../../containers/json'],
      undefined,
      /^layerwise verify: --previous a\/\.\.\/\.\.\/containers\/json is not an image reference/m,
    ],
  ])('exits 2 on %s, saying why', async (_name, args, env, message) => {
    const { code, err, out } = await verify(args, env ? { env } : {});
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('--json says why the engine could not be read', async () => {
    const { code, out } = await verify(['--json'], { env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } });
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({
      error: {
        kind: 'not-running',
        message: expect.stringContaining('tcp://127.0.0.1:1 (connection refused)'),
        hint: expect.any(String),
      },
    });
  });
});
