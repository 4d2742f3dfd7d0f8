/** The same exercise, judged from the in-browser terminal's transcript and from files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';
import type { SandboxEvent } from '../../../src/core/evidence.ts';
import { fixture } from './fixture.ts';

const workspace = (path: string) =>
  readFileSync(new URL(`../../../content/workspace/${path}`, import.meta.url), 'utf8');

describe('sandbox transcripts are judged as the paste they amount to', () => {
  it.each([
    [
      'lab/build-app-edit-plain',
      'cached-rebuild',
      'docker build --progress=plain -t demo-image:latest .',
    ],
    [
      'lab/build-bad-order-plain',
      'cached-rebuild',
      'docker build --progress=plain -t demo-image .',
    ],
    ['lab/ps-exposed', 'container-running', 'docker ps'],
    ['lab/curl-reset', 'app-reachable', 'curl localhost:8000'],
  ])('%s as %s', (name, exercise, command) => {
    const output = fixture(name);
    const transcript: SandboxEvent[] = [
      {
        type: 'command',
        command: 'ls',
        output: 'Dockerfile  app  requirements.txt\n',
        exitCode: 0,
        cwd: '/home/learner/demo',
      },
      { type: 'command', command, output, exitCode: 0, cwd: '/home/learner/demo' },
    ];
    const fromSandbox = check(exercise, { source: 'sandbox', transcript });
    const fromPaste = check(exercise, { source: 'paste', text: `$ ${command}\n${output}` });
    expect(fromSandbox.evidence).toBe('sandbox');
    expect(fromSandbox.status).toBe(fromPaste.status);
    expect(fromSandbox.checks.map((c) => [c.id, c.ok, c.message])).toEqual(
      fromPaste.checks.map((c) => [c.id, c.ok, c.message]),
    );
  });

  it('is unrecognized when the learner has not run the command yet', () => {
    const v = check('first-build', {
      source: 'sandbox',
      transcript: [{ type: 'command', command: 'ls', output: 'app\n', exitCode: 0, cwd: '/' }],
    });
    expect(v.status).toBe('unrecognized');
    expect(v.checks[0]?.hint).toBe(
      'Run docker build -t demo-image:latest . in the terminal, then check again.',
    );
  });
});

describe('dockerfile-written', () => {
  it("passes the course's Dockerfile, from a file and from a `cat Dockerfile` paste", () => {
    const text = workspace('solution/Dockerfile');
    const fromFile = check('dockerfile-written', { source: 'file', path: 'Dockerfile', text });
    expect(fromFile.status).toBe('pass');
    const fromPaste = check('dockerfile-written', {
      source: 'paste',
      text: `$ cat Dockerfile\n${text}`,
    });
    expect(fromPaste.checks.map((c) => [c.id, c.ok])).toEqual(
      fromFile.checks.map((c) => [c.id, c.ok]),
    );
  });

  it.each([
    [
      "the seed post's python:3.8 base",
      (t: string) => t.replace(/python:3\.\d+-slim/, 'python:3.8'),
      'base-image',
    ],
    [
      'requirements installed after the source',
      (t: string) =>
        t
          .replace('COPY ./app /demo/app', '')
          .replace('WORKDIR /demo', 'WORKDIR /demo\nCOPY ./app /demo/app'),
      'dependencies-first',
    ],
    [
      'a shell-form CMD',
      (t: string) => t.replace(/^CMD .*$/m, 'CMD uvicorn app.main:app --host 0.0.0.0 --port 8000'),
      'start-command',
    ],
    [
      'the server bound to 127.0.0.1',
      (t: string) => t.replace('0.0.0.0', '127.0.0.1'),
      'listens-on-all-interfaces',
    ],
    [
      '--reload in the container',
      (t: string) => t.replace('"--port", "8000"]', '"--port", "8000", "--reload"]'),
      'no-reload',
    ],
    [
      'a port that EXPOSE does not name',
      (t: string) => t.replace('EXPOSE 8000', 'EXPOSE 80'),
      'port',
    ],
  ])('fails %s on its own check', (_label, change, failing) => {
    const v = check('dockerfile-written', {
      source: 'file',
      path: 'Dockerfile',
      text: change(workspace('solution/Dockerfile')),
    });
    expect(v.status).toBe('fail');
    expect(v.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([failing]);
    expect(v.checks.find((c) => !c.ok)?.line).toBeGreaterThan(0);
  });

  it("reads the Dockerfile the learner edited in the terminal's editor", () => {
    const broken = workspace('solution/Dockerfile').replace('0.0.0.0', '127.0.0.1');
    const v = check('dockerfile-written', {
      source: 'sandbox',
      transcript: [
        { type: 'file', path: 'Dockerfile', text: workspace('solution/Dockerfile') },
        { type: 'file', path: 'Dockerfile', text: broken },
      ],
    });
    expect(v.status).toBe('fail');
  });

  it('is unrecognized for docker build output', () => {
    expect(
      check('dockerfile-written', { source: 'paste', text: fixture('lab/build-first-plain') })
        .status,
    ).toBe('unrecognized');
  });
});

describe('never a crash', () => {
  it.each([
    '',
    '\u0000\u0001binary\u00ff',
    'x'.repeat(200_000),
    '\r\n\r\n',
    '\u001b[31mred\u001b[0m',
  ])('returns a verdict for %#', (text) => {
    for (const id of [
      'docker-answers',
      'demo-app-runs',
      'dockerfile-written',
      'first-build',
      'cached-rebuild',
      'image-listed',
      'container-running',
      'app-reachable',
    ]) {
      const v = check(id, { source: 'paste', text });
      expect(['pass', 'fail', 'unrecognized']).toContain(v.status);
    }
  });

  it('names the known exercises for an unknown id', () => {
    const v = check('first-bild', { source: 'paste', text: 'x' });
    expect(v.status).toBe('unrecognized');
    expect(v.checks[0]?.hint).toContain('first-build');
  });
});
