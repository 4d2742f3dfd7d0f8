/**
 * docker-answers (lesson 1): docker version / docker info pasted, run in the browser terminal, or
 * read from the engine by the local verifier. Real outputs only: the lab's (Engine 28.5) and cited
 * public ones (tests/fixtures/docker-output), the engine's GET /version (tests/fixtures/engine).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';
import type { EngineSnapshot } from '../../../src/core/evidence.ts';
import { judgeVersion } from '../../../src/node/engine/engine-version.ts';
import { demoSandbox } from '../sandbox/helpers.ts';
import { fixture } from './fixture.ts';

const paste = (text: string) => check('docker-answers', { source: 'paste', text });
const failing = (text: string) =>
  paste(text)
    .checks.filter((c) => !c.ok)
    .map((c) => c.id);

describe('docker-answers from a paste', () => {
  it.each<[string, 'pass' | 'fail', string[]]>([
    ['lab/version', 'pass', []],
    ['lab/info', 'pass', []],
    ['public/engine-version-desktop-windows-24', 'pass', []],
    ['lab/version-no-engine', 'fail', ['engine-answers', 'engine-recent']],
    ['lab/info-no-engine', 'fail', ['engine-answers', 'engine-recent']],
    ['lab/version-permission-denied', 'fail', ['engine-answers', 'engine-recent']],
    ['lab/ps-permission-denied', 'fail', ['engine-answers', 'engine-recent']],
    ['lab/version-api-too-old', 'fail', ['engine-answers', 'engine-recent']],
    [
      'public/engine-version-windows-pipe-19',
      'fail',
      ['engine-answers', 'engine-recent', 'client-recent'],
    ],
    ['public/engine-version-desktop-mac-20', 'fail', ['engine-recent', 'client-recent']],
    ['public/engine-info-docker-for-windows-18', 'fail', ['engine-recent']],
    ['public/engine-version-1-6-both', 'fail', ['engine-recent', 'client-recent']],
    ['public/engine-version-podman-shim-1', 'fail', ['engine-recent']],
  ])('%s: %s', (name, status, failed) => {
    expect(paste(fixture(name)).status).toBe(status);
    expect(failing(fixture(name))).toEqual(failed);
  });

  it('names the engine that answered, Docker Desktop included', () => {
    expect(paste(fixture('lab/version')).checks[0]?.message).toBe(
      'Docker answers: client 28.5.2+dfsg4 (API 1.51), engine 28.5.2+dfsg4 (API 1.51).',
    );
    expect(paste(fixture('public/engine-version-desktop-windows-24')).checks[0]?.message).toMatch(
      /^Docker Desktop answers: client 24\.0\.6 \(API 1\.43\), engine master \(API 1\.44\)\.$/,
    );
  });

  it('tells Docker Desktop not running on Windows from an engine stopped on Linux', () => {
    const windows = paste(fixture('public/engine-version-windows-pipe-19')).checks[0]!;
    expect(windows.hint).toMatch(/^Start Docker Desktop/);
    const linux = paste(fixture('lab/version-no-engine')).checks[0]!;
    expect(linux.hint).toContain('sudo systemctl start docker');
    expect(fixture('lab/version-no-engine').split('\n')[linux.line! - 1]).toMatch(
      /^Cannot connect to the Docker daemon/,
    );
  });

  it('says how to get the socket on Linux, and that the docker group is as good as root', () => {
    const c = paste(fixture('lab/version-permission-denied')).checks[0]!;
    expect(c.message).toContain('permission denied on /var/run/docker.sock');
    expect(c.hint).toContain('sudo usermod -aG docker $USER');
    expect(c.hint).toContain('the docker group is as good as root');
    expect(c.hint).toContain('rootless');
  });

  it('lets Podman answering as docker pass, saying what differs', () => {
    const podman = readFileSync(
      new URL('../../fixtures/engine/podman/versions.txt', import.meta.url),
      'utf8',
    );
    const v = paste(podman);
    expect(v.status).toBe('pass');
    expect(v.checks[0]?.message).toBe('Podman answers: engine 4.3.1 (API 4.3.1).');
    expect(v.checks[0]?.hint).toContain('Podman standing in for Docker');
  });

  it('fails an engine and client older than the course, with what to install', () => {
    const [, engine, client] = paste(fixture('public/engine-version-desktop-mac-20')).checks;
    expect(engine?.message).toBe(
      'The engine is 20.10.8 (API 1.41), older than the course needs (Docker 23.0).',
    );
    expect(client?.message).toMatch(/^Your docker command is 20\.10\.8/);
    expect(engine?.hint).toContain('legacy builder');
  });

  it('says docker --version is not docker version, and what a stray paste is', () => {
    const short = paste('$ docker --version\nDocker version 28.5.2+dfsg4, build 9cc6dea\n');
    expect(short.status).toBe('unrecognized');
    expect(short.checks[0]?.hint).toMatch(/^Run docker version \(no dashes\)/);
    const other = paste(fixture('lab/ps'));
    expect(other.status).toBe('unrecognized');
    expect(other.checks[0]?.message).toBe(
      'This looks like the output of docker ps. This exercise reads the output of docker version (or docker info), down to its last line.',
    );
  });
});

describe('docker-answers from the engine (the local verifier’s GET /version)', () => {
  const snapshot = (file: string): EngineSnapshot => {
    const raw = JSON.parse(
      readFileSync(new URL(`../../fixtures/engine/${file}`, import.meta.url), 'utf8'),
    );
    const read = judgeVersion(raw);
    if (!('engine' in read)) throw new Error(`${file}: ${read.problem.message}`);
    return { engine: read.engine, images: [], containers: [], probes: [], previousTag: null };
  };

  it('passes Podman 4.3 and fails the lab’s old Engine 20.10 in the words of a paste', () => {
    const podman = check('docker-answers', {
      source: 'engine',
      snapshot: snapshot('podman/version.json'),
    });
    expect(podman.status).toBe('pass');
    expect(podman.checks.map((c) => c.message)).toEqual([
      'Podman answers: engine 4.3.1 (API 1.41).',
      'Podman is 4.3.1 (API 1.41): Podman 3.0 or newer, as the course needs.',
    ]);
    const old = check('docker-answers', { source: 'engine', snapshot: snapshot('version.json') });
    expect(old.status).toBe('fail');
    expect(old.checks.map((c) => [c.id, c.ok])).toEqual([
      ['engine-answers', true],
      ['engine-recent', false],
    ]);
    expect(old.checks[1]?.message).toBe(
      'The engine is 20.10.24+dfsg1 (API 1.41), older than the course needs (Docker 23.0).',
    );
  });
});

describe('docker-answers from the browser terminal', () => {
  it('judges docker version run in the terminal as the paste of it', async () => {
    const { sandbox, run } = demoSandbox();
    const ran = await run('docker version');
    const v = check('docker-answers', { source: 'sandbox', transcript: sandbox.transcript() });
    expect(v.status).toBe('pass');
    expect(v.checks.map((c) => c.message)).toEqual(
      paste(`$ docker version\n${ran.output}`).checks.map((c) => c.message),
    );
  });

  it('is unrecognized before docker version has run, and names docker --version', async () => {
    const { sandbox, run } = demoSandbox();
    expect(
      check('docker-answers', { source: 'sandbox', transcript: sandbox.transcript() }).checks[0]
        ?.message,
    ).toBe(
      'Nothing has run in the terminal yet. This exercise reads the output of docker version (or docker info), down to its last line.',
    );
    await run('docker --version');
    expect(
      check('docker-answers', { source: 'sandbox', transcript: sandbox.transcript() }).checks[0]
        ?.hint,
    ).toMatch(/^Run docker version \(no dashes\)/);
  });
});
