/**
 * The simulator's build output against the real one captured on the lab engine
 * (tests/fixtures/sandbox/real/, see capture.sh for commands and versions). Vertex numbers, byte
 * counts, IDs, tags and timings differ by nature and are normalised; vertex order is compared as
 * a set, since BuildKit prints finished vertices in completion order and the lab's BuildKit 0.8
 * puts `.dockerignore` before the metadata step (current versions put it after).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { excerpt } from '../../../src/core/sandbox/docker/format/build-progress.ts';
import { workspaceFiles } from '../../scenarios/load.ts';
import { demoSandbox } from './helpers.ts';

const real = (name: string) =>
  readFileSync(new URL(`../../fixtures/sandbox/real/${name}`, import.meta.url), 'utf8');

const normalise = (line: string) =>
  line
    .replace(/^#\d+ /, '# ')
    .replace(/\d+(?:\.\d+)?(?:B|kB)\b/g, '<n>B')
    .replace(/ \d+\.\d+s done$/, ' done')
    .replace(/ \d+\.\d+s/g, ' <t>s')
    .replace(/^# \d+\.\d{3} /, '# <t> ')
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<id>')
    .replace(/docker\.io\/library\/[\w.-]+(?::[\w.-]+)?/g, (m) =>
      m.includes('python') ? m : 'docker.io/library/<tag>',
    );

/**
 * The project as capture.sh copied it when the fixtures were captured: the course was then on
 * python:3.13-slim with FastAPI 0.115.11 and Uvicorn 0.32.0 (the build lines name the base).
 */
function capturedProject() {
  const files = workspaceFiles();
  const dockerfile = files['Dockerfile']!;
  files['Dockerfile'] = {
    ...dockerfile,
    text: dockerfile.text
      .replace(/Python 3\.14/g, 'Python 3.13')
      .replace(/python:3\.14-slim/g, 'python:3.13-slim'),
  };
  files['requirements.txt'] = {
    ...files['requirements.txt']!,
    text: 'fastapi==0.115.11\nuvicorn==0.32.0\n',
  };
  return files;
}

/** Vertex blocks of a plain build, each normalised; `#1 transferring dockerfile:` without a size is an intermediate line some runs print. */
function blocks(text: string): string[] {
  return text
    .split('\n\n')
    .map((b) =>
      b
        .split('\n')
        .filter(
          (l) =>
            l &&
            !/^\$ |^\[exit/.test(l) &&
            !/transferring \w+: (?:\d+B )?\d+\.\ds$|transferring \w+:$|^#\d+ exporting layers$|^#\d+ writing image \S+$/.test(
              l,
            ),
        )
        .map(normalise)
        .join('\n'),
    )
    .filter(Boolean)
    .sort();
}

describe('plain progress has the real shape', () => {
  it.each([
    [
      'a warm rebuild',
      'build-warm-plain.txt',
      ['docker build -q -t demo-image .'],
      'docker build --progress=plain -t demo-image .',
    ],
    [
      'a rebuild after an app edit',
      'build-app-edit-plain.txt',
      ['docker build -q -t demo-image .', "echo '# changed' >> app/main.py"],
      'docker build --progress=plain -t demo-image:v2 .',
    ],
  ])('%s', async (_, fixture, before, command) => {
    const { run } = demoSandbox(capturedProject());
    await run(...before);
    const { output } = await run(command);
    expect(blocks(output)).toEqual(blocks(real(fixture)));
  });
});

describe('the tty final frame has the real shape', () => {
  it('matches the captured frame line for line (as a set), each line one column short of the width', async () => {
    const { run, sandbox } = demoSandbox(capturedProject());
    await run('docker build -q -t demo-image .', "echo '# again' >> app/main.py");
    const { output } = await sandbox.runLine('docker build -t demo-image:tty .', { tty: true });
    const raw = real('build-app-edit-tty.raw');
    const frame = stripAnsi(raw.slice(raw.lastIndexOf('[+] Building')))
      .split('\r\n')
      .filter(Boolean);
    const ours = stripAnsi(output).split('\n').filter(Boolean);
    const shape = (l: string) =>
      normalise(l)
        .replace(/\s+/g, ' ')
        .replace(/[\d.]+s\b/g, '<t>s')
        .replace(/\(\d+\/\d+\)/, '(n/n)');
    expect(ours.map(shape).sort()).toEqual(frame.map(shape).sort());
    expect(new Set(ours.map((l) => l.length))).toEqual(new Set([99]));
    expect(output).toContain('\x1b[34m => CACHED [2/5] WORKDIR /demo');
  });
});

describe('the tty final frame on a narrow terminal (a phone)', () => {
  it('cuts each name to fit before its time, keeps a transfer size, drops docker:default: as BuildKit at 35 columns', async () => {
    // captured on the lab (Engine 28.5.2, buildx 0.29.1) with the course's project: see the README
    const raw = real('build-app-edit-tty-35.raw');
    const frame = stripAnsi(raw.slice(raw.lastIndexOf('[+] Building')))
      .split('\r\n')
      .filter(Boolean);
    const { run, sandbox } = demoSandbox();
    await run('docker build -q -t demo-image .', "echo '# again' >> app/main.py");
    sandbox.resize(35, 40);
    const { output } = await sandbox.runLine('docker build -t demo-image .', { tty: true });
    const ours = stripAnsi(output).split('\n').filter(Boolean);
    // times, and byte counts of the same width (the scenarios' copy of the project is not byte for byte the capture's)
    const times = (l: string) =>
      l.replace(/\d+\.\ds/g, '<t>s').replace(/\d+B /, (b) => 'n'.repeat(b.length - 2) + 'B ');
    // BuildKit lists finished steps in the order they finished: compared as a set
    expect(ours.map(times).sort()).toEqual(frame.map(times).sort());
    expect(ours[0]).toMatch(/^\[\+\] Building [\d.]+s \(10\/10\) FINISHED $/);
    expect(new Set(ours.slice(1).map((l) => l.length))).toEqual(new Set([34]));
  });

  it('shows no step at all below 23 columns, as BuildKit leaves no room for a name', async () => {
    const { run, sandbox } = demoSandbox();
    await run('docker build -q -t demo-image .');
    sandbox.resize(22, 40);
    const { output } = await sandbox.runLine('docker build -t demo-image .', { tty: true });
    // the header alone, cut at the width
    expect(stripAnsi(output).split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\[\+\] Building [\d.]+s \(10\/$/),
    ]);
  });
});

describe('step labels', () => {
  it('pads the index when there are ten steps or more, as `[ 1/14]`', async () => {
    const { run } = demoSandbox();
    await run(`printf 'FROM python:3.13-slim\\n${'RUN echo step\\n'.repeat(13)}' > Dockerfile`);
    const { output } = await run('docker build --progress=plain -t many .');
    expect(output).toContain('#4 [ 1/14] FROM docker.io/library/python:3.13-slim\n');
    expect(output).toContain('[14/14] RUN echo step\n');
    expect(output).toContain('#5 0.800 step\n');
  });

  it('shows build args and ENV expanded, and names every tag', async () => {
    const { run } = demoSandbox();
    await run(
      `printf 'FROM python:3.13-slim\\nARG DIR=/srv\\nENV APP=$DIR/app\\nWORKDIR $APP\\nRUN echo $APP\\n' > Dockerfile`,
    );
    const { output } = await run(
      'docker build --progress=plain --build-arg DIR=/opt -t a -t b:v2 .',
    );
    expect(output).toContain('[2/3] WORKDIR /opt/app\n');
    expect(output).toContain('[3/3] RUN echo /opt/app\n');
    expect(output).toMatch(
      /naming to docker.io\/library\/a done\n#\d+ naming to docker.io\/library\/b:v2 done\n/,
    );
  });
});

describe('Dockerfile excerpt (BuildKit Source.Print)', () => {
  const lines = [
    'FROM alpine',
    'WORKDIR /etc',
    'RUN apk add ripgrep',
    'RUN rg --debug alpinelinux.org',
    '',
  ];
  it.each([
    [
      4,
      [
        'Dockerfile:4',
        '--------------------',
        '   2 |     WORKDIR /etc',
        '   3 |     RUN apk add ripgrep',
        '   4 | >>> RUN rg --debug alpinelinux.org',
        '   5 |     ',
        '--------------------',
      ],
    ],
    [
      1,
      [
        'Dockerfile:1',
        '--------------------',
        '   1 | >>> FROM alpine',
        '   2 |     WORKDIR /etc',
        '   3 |     RUN apk add ripgrep',
        '--------------------',
      ],
    ],
    [9, []],
  ])('line %i', (line, expected) => {
    expect(excerpt('Dockerfile', lines, line)).toEqual(expected);
  });
});

describe('build errors as BuildKit words them', () => {
  it.each([
    [
      'a missing COPY source',
      "printf 'FROM python:3.13-slim\\nCOPY nope.txt .\\n' > Dockerfile",
      /^#\d+ ERROR: failed to calculate checksum of ref [0-9a-f-]+::[0-9a-f]+: "\/nope.txt": not found$/m,
      'ERROR: failed to build: failed to solve: failed to compute cache key: failed to calculate checksum',
    ],
    [
      'a failing RUN',
      "printf 'FROM python:3.13-slim\\nRUN pip install nosuchpkg\\n' > Dockerfile",
      /^#\d+ ERROR: process "\/bin\/sh -c pip install nosuchpkg" did not complete successfully: exit code: 1$/m,
      '   2 | >>> RUN pip install nosuchpkg',
    ],
    [
      'an unknown instruction',
      "printf 'FROM python:3.13-slim\\nRUNN echo hi\\n' > Dockerfile",
      /^ERROR: failed to build: failed to solve: dockerfile parse error on line 2: unknown instruction: RUNN$/m,
      'Dockerfile:2',
    ],
    [
      'an image that does not exist',
      "printf 'FROM python:3.99-slim\\n' > Dockerfile",
      /^#2 ERROR: failed to do request: Head "https:\/\/registry-1\.docker\.io\/v2\/library\/python\/manifests\/3\.99-slim": dial tcp: lookup registry-1\.docker\.io on 127\.0\.0\.53:53: no such host$/m,
      'failed to resolve source metadata for docker.io/library/python:3.99-slim: failed to do request',
    ],
    [
      'no Dockerfile',
      'rm Dockerfile',
      /^ERROR: failed to build: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory$/m,
      '#1 transferring dockerfile: 2B done',
    ],
  ])('%s', async (_, setup, line, fragment) => {
    const { run } = demoSandbox();
    await run(setup);
    const result = await run('docker build --progress=plain -t x .');
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(line);
    expect(result.output).toContain(fragment);
  });
});
