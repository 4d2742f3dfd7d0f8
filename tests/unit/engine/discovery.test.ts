import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findEngine, type Discovery } from '../../../src/node/engine/discovery.ts';
import {
  nodeEnvironment,
  type EngineEnvironment,
} from '../../../src/node/engine/engine-environment.ts';

/** Real files written by the Docker CLI (see tests/fixtures/engine/README.md). */
const CONFIG = fileURLToPath(new URL('../../fixtures/engine/docker-config', import.meta.url));
const TLS_DIR = `${CONFIG}/contexts/tls/f9935b292cebbb991331659e607c178de8a7da845f3a3bab874d4f951aed7759/docker`;

interface Machine {
  platform?: string;
  vars?: Record<string, string>;
  /** paths where something exists (sockets, pipes, programs, TLS files) */
  present?: string[];
}

/** This process's file reading (for the real config files), on a made-up machine. */
function machine({ platform = 'linux', vars = {}, present = [] }: Machine): EngineEnvironment {
  return {
    ...nodeEnvironment(vars),
    homeDir: platform === 'win32' ? 'C:\\Users\\learner' : '/home/learner',
    platform,
    exists: (path) => present.includes(path),
  };
}

/** A short form of the answer, so each case reads as one line. */
function summary(d: Discovery): string {
  if ('problem' in d) return `${d.problem.kind}: ${d.problem.message}`;
  const e = d.found.endpoint;
  const where =
    e.kind === 'tcp'
      ? `tcp ${e.host}:${e.port} tls=${e.tls ? `${e.tls.certDir}|verify=${e.tls.verify}` : 'off'}`
      : `${e.kind} ${e.path}`;
  return `${where} via ${d.found.via}`;
}

describe('findEngine', () => {
  it.each<[string, Machine, string]>([
    [
      'DOCKER_HOST unix',
      { vars: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' } },
      'unix /run/user/1000/docker.sock via DOCKER_HOST',
    ],
    [
      'DOCKER_HOST npipe',
      { platform: 'win32', vars: { DOCKER_HOST: 'npipe:////./pipe/docker_engine' } },
      'npipe //./pipe/docker_engine via DOCKER_HOST',
    ],
    [
      'DOCKER_HOST tcp, plain',
      { vars: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } },
      'tcp 127.0.0.1:2375 tls=off via DOCKER_HOST',
    ],
    [
      'DOCKER_HOST without scheme is tcp',
      { vars: { DOCKER_HOST: 'localhost:2375' } },
      'tcp localhost:2375 tls=off via DOCKER_HOST',
    ],
    [
      'DOCKER_HOST IPv6',
      { vars: { DOCKER_HOST: 'tcp://[::1]:2375' } },
      'tcp ::1:2375 tls=off via DOCKER_HOST',
    ],
    [
      'DOCKER_TLS_VERIFY with DOCKER_CERT_PATH',
      {
        vars: {
          DOCKER_HOST: 'tcp://192.0.2.10',
          DOCKER_TLS_VERIFY: '1',
          DOCKER_CERT_PATH: '/certs',
        },
      },
      'tcp 192.0.2.10:2376 tls=/certs|verify=true via DOCKER_HOST',
    ],
    [
      'DOCKER_TLS_VERIFY without a cert path uses ~/.docker',
      { vars: { DOCKER_HOST: 'tcp://192.0.2.10:2376', DOCKER_TLS_VERIFY: '1' } },
      'tcp 192.0.2.10:2376 tls=/home/learner/.docker|verify=true via DOCKER_HOST',
    ],
    [
      'DOCKER_TLS without verification',
      { vars: { DOCKER_HOST: 'tcp://192.0.2.10:2376', DOCKER_TLS: '1' } },
      'tcp 192.0.2.10:2376 tls=/home/learner/.docker|verify=false via DOCKER_HOST',
    ],
    [
      'DOCKER_HOST wins over DOCKER_CONTEXT',
      {
        vars: {
          DOCKER_HOST: 'unix:///a.sock',
          DOCKER_CONTEXT: 'eng-colima',
          DOCKER_CONFIG: CONFIG,
        },
      },
      'unix /a.sock via DOCKER_HOST',
    ],
    [
      'DOCKER_CONTEXT names a context',
      { vars: { DOCKER_CONTEXT: 'eng-colima', DOCKER_CONFIG: CONFIG } },
      'unix /home/learner/.colima/default/docker.sock via context "eng-colima"',
    ],
    [
      'config.json currentContext',
      { vars: { DOCKER_CONFIG: CONFIG } },
      'unix /home/learner/.colima/default/docker.sock via context "eng-colima"',
    ],
    [
      'a tcp context with its TLS files and SkipTLSVerify',
      {
        vars: { DOCKER_CONTEXT: 'eng-tls', DOCKER_CONFIG: CONFIG },
        present: [`${TLS_DIR}/ca.pem`],
      },
      `tcp 192.0.2.10:2376 tls=${TLS_DIR}|verify=false via context "eng-tls"`,
    ],
    [
      'DOCKER_CONTEXT=default ignores config.json',
      {
        vars: { DOCKER_CONTEXT: 'default', DOCKER_CONFIG: CONFIG },
        present: ['/var/run/docker.sock'],
      },
      'unix /var/run/docker.sock via the default socket',
    ],
    [
      'Linux default socket',
      { present: ['/var/run/docker.sock', '/home/learner/.docker/run/docker.sock'] },
      'unix /var/run/docker.sock via the default socket',
    ],
    [
      'Docker Desktop user socket',
      { present: ['/home/learner/.docker/run/docker.sock'] },
      'unix /home/learner/.docker/run/docker.sock via Docker Desktop’s socket',
    ],
    [
      'Docker Desktop for Linux',
      { present: ['/home/learner/.docker/desktop/docker.sock'] },
      'unix /home/learner/.docker/desktop/docker.sock via Docker Desktop’s socket',
    ],
    [
      'rootless Docker',
      { vars: { XDG_RUNTIME_DIR: '/run/user/1000' }, present: ['/run/user/1000/docker.sock'] },
      'unix /run/user/1000/docker.sock via rootless Docker’s socket',
    ],
    [
      'rootless Podman',
      {
        vars: { XDG_RUNTIME_DIR: '/run/user/1000' },
        present: ['/run/user/1000/podman/podman.sock'],
      },
      'unix /run/user/1000/podman/podman.sock via Podman’s socket',
    ],
    [
      'rootful Podman',
      { present: ['/run/podman/podman.sock'] },
      'unix /run/podman/podman.sock via Podman’s socket',
    ],
    [
      'macOS, Docker Desktop before 4.13',
      {
        platform: 'darwin',
        present: ['/home/learner/Library/Containers/com.docker.docker/Data/docker.raw.sock'],
      },
      'unix /home/learner/Library/Containers/com.docker.docker/Data/docker.raw.sock via Docker Desktop’s socket',
    ],
    [
      'Windows named pipe',
      { platform: 'win32', present: ['//./pipe/docker_engine'] },
      'npipe //./pipe/docker_engine via the default pipe',
    ],
    [
      'Windows, Podman machine',
      { platform: 'win32', present: ['//./pipe/podman-machine-default'] },
      'npipe //./pipe/podman-machine-default via Podman machine’s pipe',
    ],
  ])('%s', (_name, m, expected) => {
    expect(summary(findEngine(machine(m)))).toBe(expected);
  });

  it.each<[string, Machine, string]>([
    [
      'an SSH DOCKER_HOST',
      { vars: { DOCKER_HOST: 'ssh://me@server' } },
      'unsupported: Layerwise cannot read an engine at an SSH address (ssh://me@server); it reads a Docker Engine on this machine (a unix socket, a Windows named pipe or tcp://).',
    ],
    [
      'an unknown scheme',
      { vars: { DOCKER_HOST: 'fd://' } },
      'bad-config: DOCKER_HOST is set to "fd://" has a scheme Docker does not know (fd://).',
    ],
    [
      'unix:// with no path',
      { vars: { DOCKER_HOST: 'unix://' } },
      'bad-config: DOCKER_HOST is set to "unix://" names no socket path.',
    ],
    [
      'a context without its files',
      { vars: { DOCKER_CONTEXT: 'gone', DOCKER_CONFIG: CONFIG } },
      `bad-config: Docker context "gone" is selected, but ${CONFIG}/contexts/meta/283bb9deef02e6843abfb538efa1eca70801bd8a701c3f98191e123496339247/meta.json is missing or unreadable.`,
    ],
    [
      'no socket, docker installed',
      {
        vars: { PATH: '/usr/bin', XDG_RUNTIME_DIR: '/run/user/1000' },
        present: ['/usr/bin/docker'],
      },
      'no-socket: Docker is installed, but no engine socket was found. Looked at /var/run/docker.sock, /home/learner/.docker/run/docker.sock, /home/learner/.docker/desktop/docker.sock, /run/user/1000/docker.sock, /run/user/1000/podman/podman.sock and /run/podman/podman.sock.',
    ],
    [
      'nothing at all',
      { platform: 'darwin', vars: { PATH: '/usr/bin:/bin' } },
      'not-installed: Docker does not seem to be installed: no `docker` or `podman` command on PATH, and no engine socket at /var/run/docker.sock, /home/learner/.docker/run/docker.sock, /home/learner/Library/Containers/com.docker.docker/Data/docker.raw.sock and /home/learner/.local/share/containers/podman/machine/podman.sock.',
    ],
    [
      'Windows without Docker',
      {
        platform: 'win32',
        vars: { Path: 'C:\\Windows;C:\\Program Files\\Docker\\Docker\\resources\\bin' },
        present: ['C:\\Program Files\\Docker\\Docker\\resources\\bin\\docker.exe'],
      },
      'no-socket: Docker is installed, but no engine socket was found. Looked at //./pipe/docker_engine and //./pipe/podman-machine-default.',
    ],
  ])('%s → a clear problem', (_name, m, expected) => {
    const found = findEngine(machine(m));
    expect(summary(found)).toBe(expected);
    expect('problem' in found && found.problem.hint.length).toBeGreaterThan(20);
  });
});
