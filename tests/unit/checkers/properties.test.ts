/**
 * Every exercise's checker, whatever it is given: a verdict, never an exception, in good time, with
 * the shape the panel and the CLI rely on. Random text, real fixtures mutated the ways pastes go
 * wrong, random sandbox transcripts, and engine snapshots with fields missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuNow } from '../cpu-clock.ts';
import { check, EXERCISE_IDS } from '../../../src/core/checkers/index.ts';
import type { Evidence, Verdict } from '../../../src/core/evidence.ts';
import { fixtures } from '../docker-output/fixtures.ts';

const texts = fixtures().map((f) => f.text);

function sound(evidence: Evidence): void {
  for (const id of EXERCISE_IDS) {
    const started = cpuNow();
    const v: Verdict = check(id, evidence);
    expect(cpuNow() - started, id).toBeLessThan(2000);
    expect(['pass', 'fail', 'unrecognized']).toContain(v.status);
    expect(v.evidence).toBe(evidence.source);
    expect(v.checks.length).toBeGreaterThan(0);
    expect(v.status === 'pass').toBe(v.checks.every((c) => c.ok));
    // An internal error is reported as a verdict; it must never happen.
    expect(v.checks[0]?.message ?? '').not.toContain('internal error');
    for (const c of v.checks) if (c.line !== undefined) expect(c.line).toBeGreaterThanOrEqual(1);
  }
}

const MUTATE: ((t: string, r: number) => string)[] = [
  (t, r) => t.slice(0, Math.floor(t.length * r)),
  (t) => t.replaceAll('\n', '\r\n'),
  (t, r) =>
    t
      .split('\n')
      .map((l, i) => (i % Math.max(2, Math.floor(r * 9)) === 0 ? `\x1b[3${i % 8}m${l}\x1b[0m` : l))
      .join('\n'),
  (t) =>
    t
      .split('\n')
      .map((l, i) => (i % 5 === 0 ? `PS C:\\demo> ${l}` : l))
      .join('\n'),
  (t, r) =>
    t
      .split('\n')
      .flatMap((l, i) => (i % Math.max(2, Math.floor(r * 7)) === 0 ? [l, l] : [l]))
      .join('\n'),
  (t, r) => `\`\`\`\n${t.slice(Math.floor(t.length * r))}\n\`\`\``,
];

describe('every checker returns a sound verdict', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), (text) =>
        sound({ source: 'paste', text }),
      ),
      { numRuns: 150 },
    );
  });

  it('on real outputs, mutated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.integer({ min: 0, max: MUTATE.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (t, m, r) => sound({ source: 'paste', text: MUTATE[m]!(t, r) }),
      ),
      { numRuns: 200 },
    );
  });

  it('on random sandbox transcripts and files', () => {
    const event = fc.oneof(
      fc.record({
        type: fc.constant('command' as const),
        command: fc.string(),
        output: fc.oneof(fc.string(), fc.constantFrom(...texts)),
        exitCode: fc.integer({ min: 0, max: 255 }),
        cwd: fc.constant('/home/learner/demo'),
      }),
      fc.record({
        type: fc.constant('file' as const),
        path: fc.constantFrom('Dockerfile', '.dockerignore', 'app/main.py'),
        text: fc.string({ unit: 'binary', maxLength: 800 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), (transcript) =>
        sound({ source: 'sandbox', transcript }),
      ),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), (text) =>
        sound({ source: 'file', path: 'Dockerfile', text }),
      ),
      { numRuns: 100 },
    );
  });

  it('on engine snapshots of any shape the snapshot type allows', () => {
    const port = fc.record({
      hostIp: fc.option(fc.constantFrom('0.0.0.0', '::', '127.0.0.1')),
      hostPort: fc.option(fc.integer({ min: 1, max: 65535 })),
      containerPort: fc.integer({ min: 1, max: 65535 }),
      protocol: fc.constantFrom('tcp' as const, 'udp' as const),
    });
    const layer = fc.constantFrom('sha256:a', 'sha256:b', 'sha256:c', 'sha256:d');
    const image = fc.record({
      id: fc.constantFrom('sha256:1', 'sha256:2', 'sha256:3'),
      tags: fc.array(
        fc.constantFrom('demo-image:latest', 'demo-image:before', 'python:3.13-slim', 'other:1'),
        { maxLength: 2 },
      ),
      created: fc.constantFrom('2026-11-28T01:00:00Z', '2026-11-28T02:00:00Z'),
      workingDir: fc.constantFrom('', '/demo', '/code'),
      cmd: fc.option(fc.array(fc.string(), { maxLength: 4 })),
      entrypoint: fc.option(fc.array(fc.string(), { maxLength: 2 })),
      exposedPorts: fc.array(fc.constantFrom('8000/tcp', '80/tcp'), { maxLength: 2 }),
      layers: fc.array(layer, { maxLength: 6 }),
      history: fc.array(
        fc.record({
          createdBy: fc.constantFrom(
            'RUN /bin/sh -c pip install -r requirements.txt # buildkit',
            'COPY ./app /demo/app # buildkit',
            'COPY ./requirements.txt /demo/requirements.txt # buildkit',
            'WORKDIR /demo',
            'CMD ["uvicorn"]',
            '',
          ),
          emptyLayer: fc.boolean(),
          size: fc.nat(),
        }),
        { maxLength: 8 },
      ),
    });
    const container = fc.record({
      id: fc.constantFrom('c1', 'c2'),
      name: fc.constantFrom('demo', 'other'),
      image: fc.constantFrom('demo-image', 'demo-image:latest', 'sha256:1', 'nginx'),
      imageId: fc.constantFrom('sha256:1', 'sha256:2'),
      state: fc.constantFrom('created' as const, 'running' as const, 'exited' as const),
      status: fc.constantFrom('Up 3 seconds', 'Exited (1) 2 minutes ago', 'Created'),
      exitCode: fc.option(fc.integer({ min: 0, max: 255 })),
      ports: fc.array(port, { maxLength: 3 }),
      command: fc.string(),
    });
    const probe = fc.record({
      url: fc.constant('http://localhost:8000/'),
      hostPort: fc.integer({ min: 1, max: 65535 }),
      containerId: fc.constantFrom('c1', 'c2'),
      ok: fc.boolean(),
      status: fc.option(fc.constantFrom(200, 404, 500)),
      body: fc.option(fc.constantFrom('"Welcome to root"', '{"detail":"Not Found"}', '<html>')),
      error: fc.constantFrom(
        'refused' as const,
        'reset' as const,
        'empty-reply' as const,
        'timeout' as const,
        null,
      ),
    });
    const snapshot = fc.record({
      engine: fc.constant({
        version: '20.10.24',
        apiVersion: '1.41',
        os: 'linux',
        arch: 'amd64',
        kind: 'docker' as const,
      }),
      images: fc.array(image, { maxLength: 4 }),
      containers: fc.array(container, { maxLength: 3 }),
      probes: fc.array(probe, { maxLength: 3 }),
      previousTag: fc.option(fc.constantFrom('demo-image:before', 'missing:tag')),
      image: fc.option(fc.constantFrom('demo-image:latest', 'my-api:dev')),
    });
    fc.assert(
      fc.property(snapshot, (s) => sound({ source: 'engine', snapshot: s })),
      { numRuns: 300 },
    );
  });
});
