/**
 * More ways a container fails, read where a learner meets them: `docker logs` of a container that
 * could not start, `docker ps -a` after, a tty `docker run`, CRLF under `env`, a CMD written as one
 * string, a script that is not executable or not there, an app module that does not import, the
 * CLI's -p errors, a port a host process holds (run and compose), Compose's logs/ps/down of the
 * course app, BuildKit's build checks, and a compose build whose COPY source is missing.
 * Engine 28.5, compose 2.40; images, containers and the compose project are named parser-*.
 */
import { capture, sh, waitFor } from './lab.ts';
import { buildDemo } from './sessions.ts';
import { removeContainers, workspace } from './workspace.ts';

/** Host ports from this engineer's range (RULES: ports 4481–4489 are parser's). */
const HELD_PORT = 4486;
const COMPOSE_PORT = 4487;

const IMAGES: Record<string, string> = {
  'parser-crlf-env-bash':
    'FROM parser-demo\nCOPY env-bash.sh /demo/start.sh\nRUN chmod +x /demo/start.sh\nENTRYPOINT ["/demo/start.sh"]\n',
  'parser-crlf-env-python':
    'FROM parser-demo\nCOPY env-python.py /demo/start.py\nRUN chmod +x /demo/start.py\nENTRYPOINT ["/demo/start.py"]\n',
  'parser-one-string':
    'FROM parser-demo\nCMD ["uvicorn app.main:app --host 0.0.0.0 --port 8000"]\n',
  'parser-not-executable':
    'FROM parser-demo\nCOPY plain-start.sh /demo/start.sh\nENTRYPOINT ["/demo/start.sh"]\n',
  'parser-entry-missing': 'FROM parser-demo\nENTRYPOINT ["/demo/start.sh"]\n',
  'parser-wrong-module':
    'FROM parser-demo\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
};

const SCRIPTS: Record<string, string> = {
  'env-bash.sh': '#!/usr/bin/env bash\r\nexec uvicorn app.main:app --host 0.0.0.0 --port 8000\r\n',
  'env-python.py': '#!/usr/bin/env python3\r\nprint("hello")\r\n',
  'plain-start.sh': '#!/bin/sh\nexec uvicorn app.main:app --host 0.0.0.0 --port 8000\n',
};

// BuildKit's checks: a lower-case `as`, and a shell-form CMD (JSONArgsRecommended).
const CHECKED = `FROM python:3.13-slim as base
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
CMD uvicorn app.main:app --host 0.0.0.0 --port 8000
`;

// The same checks, then a parse error (EXPSE): BuildKit prints the warnings with the error.
const CHECKED_TYPO = CHECKED.replace('CMD uvicorn', 'EXPSE 8000\nCMD uvicorn');

const composeFile = (port: number) => `services:
  web:
    build: .
    image: parser-fx-web
    ports:
      - "${port}:8000"
`;

export function captureFailures(): void {
  const containers = [
    'parser-log-1',
    'parser-log-2',
    'parser-log-3',
    'parser-log-4',
    'parser-log-5',
  ];
  removeContainers(containers);
  buildDemo();
  const w = workspace();
  for (const [file, text] of Object.entries(SCRIPTS)) w.write(file, text);
  const setupOf = (tag: string) => `${tag}:\n${IMAGES[tag]}`;
  const c = (
    name: string,
    command: string,
    setup?: string,
    more: { ttyCols?: number; note?: string } = {},
  ) => capture({ name, command, cwd: w.dir, ...(setup ? { setup } : {}), ...more });
  let held: number | null = null;
  try {
    for (const [tag, dockerfile] of Object.entries(IMAGES)) {
      w.write(`Dockerfile.${tag}`, dockerfile);
      const r = sh(`docker build -q -f Dockerfile.${tag} -t ${tag} .`, w.dir);
      if (r.code !== 0) throw new Error(`${tag}: ${r.out}`);
    }
    c('run-crlf-env-bash', 'docker run --rm parser-crlf-env-bash', setupOf('parser-crlf-env-bash'));
    c(
      'run-crlf-env-python',
      'docker run --rm parser-crlf-env-python',
      setupOf('parser-crlf-env-python'),
    );
    c('run-cmd-one-string', 'docker run --rm parser-one-string', setupOf('parser-one-string'));
    c(
      'run-script-not-executable',
      'docker run --rm parser-not-executable',
      setupOf('parser-not-executable'),
    );
    c(
      'run-entrypoint-missing',
      'docker run --rm parser-entry-missing',
      setupOf('parser-entry-missing'),
    );
    c('run-wrong-module', 'docker run --rm parser-wrong-module', setupOf('parser-wrong-module'));
    c(
      'run-crlf-env-bash-tty-100',
      'docker run --rm -t parser-crlf-env-bash',
      setupOf('parser-crlf-env-bash'),
      {
        ttyCols: 100,
      },
    );
    c(
      'run-wrong-module-tty-100',
      'docker run --rm -it parser-wrong-module',
      setupOf('parser-wrong-module'),
      {
        ttyCols: 100,
      },
    );
    // docker logs of containers that could not start (or started and exited)
    const logged: [string, string][] = [
      ['parser-log-1', 'parser-crlf-env-bash'],
      ['parser-log-2', 'parser-crlf-env-python'],
      ['parser-log-3', 'parser-wrong-module'],
      ['parser-log-4', 'parser-not-executable'],
    ];
    for (const [name, tag] of logged) sh(`docker run -d --name ${name} ${tag}`);
    waitFor(
      'the containers to stop',
      () => sh('docker ps -q --filter name=parser-log- --filter status=running').out.trim() === '',
      60_000,
    );
    c(
      'logs-crlf-env-bash',
      'docker logs parser-log-1',
      `docker run -d --name parser-log-1 parser-crlf-env-bash; ${setupOf('parser-crlf-env-bash')}`,
    );
    c(
      'logs-crlf-env-python',
      'docker logs parser-log-2',
      `docker run -d --name parser-log-2 parser-crlf-env-python; ${setupOf('parser-crlf-env-python')}`,
    );
    c(
      'logs-wrong-module',
      'docker logs parser-log-3',
      `docker run -d --name parser-log-3 parser-wrong-module; ${setupOf('parser-wrong-module')}`,
    );
    c(
      'ps-a-failed-starts',
      'docker ps -a --filter name=parser-log-',
      `docker run -d of ${logged.map(([n, t]) => `${n} (${t})`).join(', ')}; parser-log-4's start was refused`,
    );
    c(
      'start-not-executable',
      'docker start parser-log-4',
      `docker run -d --name parser-log-4 parser-not-executable (refused); ${setupOf('parser-not-executable')}`,
    );
    c(
      'exec-not-running',
      'docker exec parser-log-3 ls',
      'parser-log-3 exited (its app did not import)',
    );
    sh('docker run -d --name parser-log-5 parser-demo');
    c(
      'rm-running',
      'docker rm parser-log-5',
      'parser-log-5 runs the course app (docker run -d --name parser-log-5 parser-demo)',
    );
    // the CLI's own -p errors
    c('run-host-port-out-of-range', 'docker run --rm -p 80000:8000 parser-demo');
    c('run-container-port-invalid', 'docker run --rm -p 8000:http parser-demo');
    c('run-publish-bad-ip', 'docker run --rm -p 127.0.0.300:8000:8000 parser-demo');
    // a host process (not a container) holds the port
    const server = sh(
      `(python3 -m http.server ${HELD_PORT} --bind 0.0.0.0 >/dev/null 2>&1 & echo $!)`,
    );
    held = Number(server.out.trim());
    waitFor(
      'the host server',
      () => sh(`curl -s -o /dev/null http://127.0.0.1:${HELD_PORT}/`).code === 0,
    );
    const heldSetup = `python3 -m http.server ${HELD_PORT} runs on the host (not in a container)`;
    c(
      'run-port-held-by-host-process',
      `docker run --rm -d -p ${HELD_PORT}:8000 parser-demo`,
      heldSetup,
    );
    w.write('compose.yaml', composeFile(HELD_PORT));
    c(
      'compose-up-port-held-by-host-process',
      'docker compose -p parser-fx up -d',
      `${heldSetup}; compose.yaml:\n${composeFile(HELD_PORT)}`,
    );
    sh('docker compose -p parser-fx down >/dev/null', w.dir);
    // the course app under Compose
    w.write('compose.yaml', composeFile(COMPOSE_PORT));
    const composeSetup = `the course project with compose.yaml:\n${composeFile(COMPOSE_PORT)}`;
    c('compose-up-detached-plain', 'docker compose -p parser-fx up -d', composeSetup, {
      note: 'parser-fx-web already existed (built by the capture before, compose-up-port-held-by-host-process), so up only creates and starts the container',
    });
    waitFor(
      'the app under compose',
      () => sh(`curl -s -o /dev/null http://127.0.0.1:${COMPOSE_PORT}/`).code === 0,
      60_000,
    );
    sh(`curl -s http://127.0.0.1:${COMPOSE_PORT}/ >/dev/null`);
    c(
      'compose-logs-app',
      'docker compose -p parser-fx logs',
      `${composeSetup}after docker compose up -d and one curl of /`,
    );
    c('compose-ps-running', 'docker compose -p parser-fx ps', composeSetup);
    c('compose-down', 'docker compose -p parser-fx down', composeSetup);
    // BuildKit's build checks, and a compose build whose COPY source is missing
    w.write('Dockerfile.checked', CHECKED);
    c(
      'build-check-warnings-plain',
      'docker build --no-cache --progress plain -f Dockerfile.checked -t parser-checked .',
      `Dockerfile.checked:\n${CHECKED}`,
    );
    w.write('Dockerfile.typo', CHECKED_TYPO);
    const typo = `Dockerfile.typo:\n${CHECKED_TYPO}`;
    c(
      'build-check-warnings-parse-error-plain',
      'docker build --progress plain -f Dockerfile.typo -t parser-checked .',
      typo,
    );
    c(
      'build-check-warnings-parse-error-tty-100',
      'docker build -f Dockerfile.typo -t parser-checked .',
      typo,
      { ttyCols: 100 },
    );
    c(
      'build-check-only',
      'docker build --check -f Dockerfile.checked .',
      `Dockerfile.checked:\n${CHECKED}`,
    );
    w.remove('app');
    c(
      'compose-build-copy-missing-plain',
      'docker compose -p parser-fx build --progress plain',
      `${composeSetup}the app/ folder deleted`,
    );
  } finally {
    if (held) sh(`kill ${held}`);
    sh('docker compose -p parser-fx down --rmi all >/dev/null 2>&1', w.dir);
    removeContainers(containers);
    sh(
      `docker rmi parser-fx-web parser-demo parser-checked ${Object.keys(IMAGES).reverse().join(' ')} >/dev/null 2>&1`,
    );
  }
}
