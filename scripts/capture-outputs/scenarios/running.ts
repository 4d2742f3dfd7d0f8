/** Lesson 7: running the image, publishing its port, the container's life cycle. */
import type { Scenario } from '../lab.ts';
import {
  CONTAINER_ID,
  nameFree,
  quietBuild,
  ROOT_BODY,
  RUN_DEMO,
  started,
  STARTED,
} from './common.ts';

const SOLUTION = { from: 'solution' };

/** The lab machine's first network (not loopback) address, as another computer would reach it. */
const NETWORK_ADDRESS = `"http://$(hostname -I | cut -d' ' -f1)"`;

export const runningScenarios: Scenario[] = [
  {
    name: 'run-foreground',
    lesson: 'running-the-container',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      {
        run: 'docker run -p 8000:8000 demo-image',
        capture: 'run-foreground',
        claims: {
          exitCode: 0,
          says: [
            'Uvicorn running on http://0.0.0.0:8000',
            '"GET / HTTP/1.1" 200 OK',
            'Finished server process [1]',
          ],
        },
        serve: {
          ready: STARTED,
          then: [
            {
              run: 'curl http://localhost:8000/',
              capture: 'run-curl',
              claims: { exitCode: 0, says: [ROOT_BODY] },
            },
          ],
        },
      },
    ],
  },
  {
    name: 'run-detached',
    lesson: 'running-the-container',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      { run: RUN_DEMO, capture: 'run-detached', claims: { exitCode: 0, says: [CONTAINER_ID] } },
      {
        run: 'docker ps',
        after: started(),
        capture: 'run-ps',
        claims: { exitCode: 0, says: [/Up .* 0\.0\.0\.0:8000->8000\/tcp.* demo\n/] },
      },
      {
        run: 'curl -i http://localhost:8000/',
        capture: 'run-curl-i',
        claims: { exitCode: 0, says: ['HTTP/1.1 200 OK', 'server: uvicorn', ROOT_BODY] },
      },
      {
        run: 'docker logs demo',
        capture: 'run-logs',
        claims: {
          exitCode: 0,
          says: ['Uvicorn running on http://0.0.0.0:8000', '"GET / HTTP/1.1" 200 OK'],
        },
      },
      { run: 'docker stop demo', capture: 'run-stop', claims: { exitCode: 0, says: ['demo\n'] } },
      {
        run: 'docker ps -a',
        capture: 'run-stop',
        claims: { exitCode: 0, says: [/Exited \(0\) .* demo\n/] },
      },
      { run: 'docker rm demo', capture: 'run-stop', claims: { exitCode: 0 } },
    ],
  },
  {
    name: 'run-rm',
    lesson: 'running-the-container',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      {
        run: 'docker run -d --rm --name demo -p 8000:8000 demo-image',
        capture: 'run-rm',
        claims: { exitCode: 0, says: [CONTAINER_ID] },
      },
      { run: 'docker stop demo', after: started(), capture: 'run-rm', claims: { exitCode: 0 } },
      {
        run: 'docker ps -a',
        after: nameFree(),
        capture: 'run-rm',
        // the NAMES column ends the row: no container called demo is left
        claims: { exitCode: 0, saysNot: [/ demo\n/] },
      },
    ],
  },
  {
    name: 'run-other-ports',
    lesson: 'running-the-container',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      {
        run: 'docker run -d --rm --name demo -p 8080:8000 demo-image',
        capture: 'run-port-8080',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker ps',
        after: started(),
        capture: 'run-port-8080',
        claims: { exitCode: 0, says: ['0.0.0.0:8080->8000/tcp'] },
      },
      {
        run: 'curl http://localhost:8080/',
        capture: 'run-port-8080',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      // Lesson 7, "Publish for your computer only": published on every interface, the port answers on
      // the machine's network address too (what another computer would connect to).
      { run: `curl -sS ${NETWORK_ADDRESS}:8080/`, claims: { exitCode: 0, says: [ROOT_BODY] } },
      { run: 'docker stop demo', capture: 'run-port-8080', claims: { exitCode: 0 } },
      {
        run: 'docker run -d --rm --name demo -p 127.0.0.1:8000:8000 demo-image',
        after: nameFree(),
        capture: 'run-port-loopback',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker ps',
        after: started(),
        capture: 'run-port-loopback',
        claims: { exitCode: 0, says: ['127.0.0.1:8000->8000/tcp'], saysNot: ['[::]:8000'] },
      },
      {
        run: 'curl http://localhost:8000/',
        capture: 'run-port-loopback',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      // Published on 127.0.0.1 only: on Engine 28 nothing answers on the network address.
      {
        run: `curl -sS ${NETWORK_ADDRESS}:8000/`,
        claims: { exitCode: 7, says: ['Failed to connect'] },
      },
      { run: 'docker stop demo', capture: 'run-port-loopback', claims: { exitCode: 0 } },
    ],
  },
  {
    name: 'run-no-publish',
    lesson: 'running-the-container',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      {
        run: 'docker run -d --name demo demo-image',
        capture: 'run-no-publish',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker ps',
        after: started(),
        capture: 'run-no-publish',
        claims: { exitCode: 0, says: [/ 8000\/tcp +demo\n/], saysNot: ['->'] },
      },
      {
        run: 'curl http://localhost:8000/',
        capture: 'run-no-publish',
        claims: { exitCode: 7, says: ['Failed to connect to localhost port 8000'] },
      },
      { run: 'docker rm -f demo', capture: 'run-no-publish', claims: { exitCode: 0 } },
    ],
  },
];
