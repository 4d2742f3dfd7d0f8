import { describe, expect, it } from 'vitest';
import type { EngineEndpoint } from '../../../src/node/engine/docker-host.ts';
import { compareApi, judgeVersion } from '../../../src/node/engine/engine-version.ts';
import { connectionProblem } from '../../../src/node/engine/problems.ts';
import type { RawVersion } from '../../../src/node/engine/reader.ts';
import { fixture } from './fixture-reader.ts';

const SOCKET: EngineEndpoint = { kind: 'unix', path: '/var/run/docker.sock' };
const nodeError = (code: string, message = `connect ${code} /var/run/docker.sock`) =>
  Object.assign(new Error(message), { code });

describe('connectionProblem: what went wrong and what to do, without a stack trace', () => {
  it.each<[string, unknown, string, string, RegExp]>([
    [
      'no socket file',
      nodeError('ENOENT'),
      'linux',
      'The Docker Engine is not running: nothing answers at unix:///var/run/docker.sock (no such socket).',
      /systemctl start docker/,
    ],
    [
      'a stale socket',
      nodeError('ECONNREFUSED'),
      'darwin',
      'The Docker Engine is not running: nothing answers at unix:///var/run/docker.sock (connection refused).',
      /Docker Desktop/,
    ],
    [
      'not in the docker group',
      nodeError('EACCES'),
      'linux',
      'Permission denied on unix:///var/run/docker.sock: your user may not talk to the Docker Engine.',
      /sudo usermod -aG docker \$USER`, then log out and back in/,
    ],
    [
      'a pipe Windows will not open',
      nodeError('EPERM'),
      'win32',
      'Permission denied on unix:///var/run/docker.sock: your user may not talk to the Docker Engine.',
      /docker-users/,
    ],
    [
      'no answer in time',
      nodeError('timeout', 'no answer within 5000 ms'),
      'linux',
      'The Docker Engine at unix:///var/run/docker.sock did not answer in time.',
      /docker version/,
    ],
    [
      'an engine error',
      Object.assign(new Error('(HTTP code 500) server error'), {
        statusCode: 500,
        json: { message: 'layer does not exist' },
      }),
      'linux',
      'The Docker Engine at unix:///var/run/docker.sock answered with an error: layer does not exist.',
      /LAYERWISE_DEBUG/,
    ],
    [
      'something thrown that is not an Error',
      'boom',
      'linux',
      'The Docker Engine at unix:///var/run/docker.sock answered with an error: boom.',
      /docker version/,
    ],
  ])('%s', (_name, error, platform, message, hint) => {
    const problem = connectionProblem(error, SOCKET, platform);
    expect(problem.message).toBe(message);
    expect(problem.hint).toMatch(hint);
    expect(`${problem.message}${problem.hint}`).not.toMatch(/\n\s+at /);
  });
});

describe('judgeVersion: API 1.41 or newer', () => {
  const real = fixture<RawVersion>('version.json');

  it('accepts the captured Docker Engine 20.10 and asks for its own API version', () => {
    expect(judgeVersion(real)).toEqual({
      engine: {
        version: '20.10.24+dfsg1',
        apiVersion: '1.41',
        os: 'linux',
        arch: 'amd64',
        kind: 'docker',
      },
      apiVersion: '1.41',
    });
  });

  it.each<[string, RawVersion, string]>([
    [
      'Docker 19.03 (API 1.40)',
      { ...real, ApiVersion: '1.40', Version: '19.03.15' },
      'This engine (version 19.03.15) speaks Docker API 1.40; Layerwise needs API 1.41 or newer (Docker Engine 20.10 or Podman 3, from 2020-21).',
    ],
    [
      'an answer without a version',
      {},
      'This engine (version unknown) speaks Docker API unknown; Layerwise needs API 1.41 or newer (Docker Engine 20.10 or Podman 3, from 2020-21).',
    ],
  ])('refuses %s', (_name, raw, message) => {
    const judged = judgeVersion(raw);
    expect('problem' in judged && judged.problem).toMatchObject({ kind: 'too-old', message });
  });

  it('asks a newer engine for the newest API it knows', () => {
    expect(judgeVersion({ ...real, ApiVersion: '1.53' })).toMatchObject({
      apiVersion: '1.52',
      engine: { apiVersion: '1.53' },
    });
  });

  it('tells Podman by its component name, and takes its Docker-compatible API', () => {
    expect(judgeVersion(fixture<RawVersion>('podman/version.json'))).toEqual({
      engine: { version: '4.3.1', apiVersion: '1.41', os: 'linux', arch: 'amd64', kind: 'podman' },
      apiVersion: '1.41',
    });
  });

  it.each<[string, string, number]>([
    ['1.9', '1.41', -1],
    ['1.41', '1.41', 0],
    ['1.52', '1.41', 1],
    ['2.0', '1.52', 1],
  ])('compareApi(%s, %s) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(compareApi(a, b))).toBe(sign);
  });
});
