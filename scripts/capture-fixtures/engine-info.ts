/**
 * `docker version` and `docker info`, answered and refused: the engine reached, no engine at the
 * socket, permission denied on the socket (a user outside the docker group), and a client asking
 * for an API version the engine no longer serves. Engine 28.5.
 */
import { capture } from './lab.ts';

const NOBODY = 'setpriv --reuid=65534 --regid=65534 --clear-groups';

export function captureEngineInfo(): void {
  capture({ name: 'version', command: 'docker version' });
  capture({ name: 'info', command: 'docker info' });
  capture({
    name: 'version-no-engine',
    command: 'docker version',
    driver: 'DOCKER_HOST=unix:///run/parser-no-engine.sock docker version',
    note: 'DOCKER_HOST names a socket where no engine listens, as when the daemon or Docker Desktop is not running',
  });
  capture({
    name: 'info-no-engine',
    command: 'docker info',
    driver: 'DOCKER_HOST=unix:///run/parser-no-engine.sock docker info',
    note: 'DOCKER_HOST names a socket where no engine listens',
  });
  capture({
    name: 'version-permission-denied',
    command: 'docker version',
    driver: `${NOBODY} env HOME=/tmp docker version`,
    note: 'run as a user who is not in the docker group',
  });
  capture({
    name: 'ps-permission-denied',
    command: 'docker ps',
    driver: `${NOBODY} env HOME=/tmp docker ps`,
    note: 'run as a user who is not in the docker group',
  });
  capture({
    name: 'version-api-too-old',
    command: 'docker version',
    driver: 'DOCKER_API_VERSION=1.12 docker version',
    note: 'DOCKER_API_VERSION=1.12: a client that speaks an API older than the engine accepts',
  });
}
