/**
 * `docker compose build` and `docker compose up --build` of the course project (Compose 2.40 on
 * Engine 28.5): service-prefixed steps (`[web 2/5]`), `[+] Building`, plain and tty, a success and
 * a pip failure, and `up` refused because the host port is taken. Project parser-fx.
 */
import { capture } from './lab.ts';
import { PORT } from './sessions.ts';
import { buildDemo } from './sessions.ts';
import { sh, waitFor } from './lab.ts';
import { removeContainers, workspace } from './workspace.ts';

const composeFile = (port: number) => `services:
  web:
    build: .
    image: parser-fx-web
    ports:
      - "127.0.0.1:${port}:8000"
`;

export function captureCompose(): void {
  const w = workspace();
  w.write('compose.yaml', composeFile(8485));
  const setup = `the course project (content/workspace/solution) with compose.yaml:\n${composeFile(8485)}`;
  const c = (name: string, command: string, more: { ttyCols?: number; setup?: string } = {}) =>
    capture({ name, command, cwd: w.dir, setup: more.setup ?? setup, ...more });
  try {
    c('compose-build-plain', 'docker compose -p parser-fx build --no-cache --progress plain');
    c('compose-build-cached-plain', 'docker compose -p parser-fx build --progress plain');
    c('compose-build-tty-100', 'docker compose -p parser-fx build --no-cache', { ttyCols: 100 });
    c('compose-up-build-detached-tty-100', 'docker compose -p parser-fx up --build -d', {
      ttyCols: 100,
    });
    sh('docker compose -p parser-fx down >/dev/null', w.dir);
    w.write('requirements.txt', 'fastapi=0.115.11\nuvicorn==0.32.0\n');
    const typo = `${setup}\nrequirements.txt's first line is "fastapi=0.115.11" (one = sign)`;
    c('compose-build-pip-typo-plain', 'docker compose -p parser-fx build --progress plain', {
      setup: typo,
    });
    c('compose-build-pip-typo-tty-100', 'docker compose -p parser-fx build', {
      ttyCols: 100,
      setup: typo,
    });
    w.write('requirements.txt', 'fastapi==0.115.11\nuvicorn==0.32.0\n');
    buildDemo();
    sh(`docker run -d --name parser-web -p 127.0.0.1:${PORT}:8000 parser-demo`);
    waitFor('parser-web', () => sh(`docker ps -q --filter name=parser-web`).out.trim() !== '');
    w.write('compose.yaml', composeFile(PORT));
    c('compose-up-port-allocated', 'docker compose -p parser-fx up -d', {
      setup: `container parser-web already publishes 127.0.0.1:${PORT}; compose.yaml:\n${composeFile(PORT)}`,
    });
  } finally {
    sh('docker compose -p parser-fx down --rmi all >/dev/null', w.dir);
    removeContainers(['parser-web']);
  }
}
