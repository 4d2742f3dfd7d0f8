/** Lesson 8: the development loop, with a bind mount and --reload, with Compose, and cleaning up. */
import type { LabMode, Scenario } from '../lab.ts';
import { CHANGED_BODY, CONTAINER_ID, quietBuild, ROOT_BODY, started } from './common.ts';

const SOLUTION = { from: 'solution' };
const WITH_COMPOSE = { from: 'solution', overlay: 'variants/compose' };
const CHANGE_MAIN = { edit: 'app/main.py', from: 'variants/changed-main/app/main.py' };
/** The app's folder mounted over the image's copy, and Uvicorn told to reload on changes. */
export const RUN_DEV =
  'docker run -d --name demo -p 127.0.0.1:8000:8000 -v "$(pwd)/app:/demo/app" demo-image uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload';
/** Compose names the container after the project folder (`demo`), the service and a number. */
const COMPOSE_CONTAINER = 'demo-web-1';
/** …and the image it builds after the folder and the service. */
const COMPOSE_IMAGE = 'demo-web';
/** Engines with the Compose plugin (Debian 12's Engine 20.10 has none). */
const WITH_PLUGIN: LabMode[] = ['classic', 'containerd'];
/** Uvicorn has noticed the edit and the restarted app is ready. */
const RELOADED =
  /detected changes in 'app\/main\.py'\. Reloading\.\.\.[\s\S]*Application startup complete/;

export const devLoopScenarios: Scenario[] = [
  {
    name: 'bind-mount-reload',
    lesson: 'development-loop',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      { run: RUN_DEV, capture: 'dev-run', claims: { exitCode: 0, says: [CONTAINER_ID] } },
      {
        run: 'docker logs demo',
        after: started(),
        capture: 'dev-run',
        claims: {
          exitCode: 0,
          says: ["Will watch for changes in these directories: ['/demo']", 'using StatReload'],
        },
      },
      {
        run: 'curl http://localhost:8000/',
        capture: 'dev-run',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      CHANGE_MAIN,
      {
        run: 'docker logs demo',
        after: { poll: 'docker logs demo', until: RELOADED },
        capture: 'dev-reloaded',
        claims: {
          exitCode: 0,
          says: ["StatReload detected changes in 'app/main.py'. Reloading..."],
        },
      },
      {
        run: 'curl http://localhost:8000/',
        capture: 'dev-reloaded',
        claims: { exitCode: 0, says: [CHANGED_BODY] },
      },
      { run: 'docker stop demo', capture: 'dev-stop', claims: { exitCode: 0 } },
      { run: 'docker rm demo', capture: 'dev-stop', claims: { exitCode: 0 } },
    ],
  },
  {
    // Without PYTHONUNBUFFERED, print() output waits in Python's buffer: the lesson's reason for it.
    name: 'unbuffered-output',
    lesson: 'development-loop',
    workspace: { from: 'solution', overlay: 'variants/print-startup' },
    actions: [
      quietBuild(),
      {
        // the lab's stand-in image sets PYTHONUNBUFFERED=1; the official one does not: unset it here
        run: 'docker run -d --name demo -e PYTHONUNBUFFERED= -p 127.0.0.1:8000:8000 demo-image',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker logs demo',
        after: started(),
        claims: { exitCode: 0, saysNot: ['Loading the demo app'] },
      },
      { run: 'docker rm -f demo', claims: { exitCode: 0 } },
    ],
  },
  {
    name: 'unbuffered-image',
    lesson: 'development-loop',
    workspace: { from: 'solution', overlay: 'variants/unbuffered' },
    actions: [
      { edit: 'app/main.py', from: 'variants/print-startup/app/main.py' },
      quietBuild(),
      {
        run: 'docker run -d --name demo -p 127.0.0.1:8000:8000 demo-image',
        capture: 'dev-unbuffered',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker logs demo',
        after: started(),
        capture: 'dev-unbuffered',
        claims: { exitCode: 0, says: ['Loading the demo app'] },
      },
      { run: 'docker rm -f demo', claims: { exitCode: 0 } },
    ],
  },
  {
    name: 'compose-up',
    lesson: 'development-loop',
    workspace: WITH_COMPOSE,
    fresh: true,
    images: [COMPOSE_IMAGE],
    actions: [
      {
        run: 'docker compose up --build -d',
        capture: 'dev-compose-up',
        claims: { exitCode: 0, cached: [], says: ['demo-web-1  Started'] },
        // Debian 12's docker.io has no Compose plugin: the lesson says what a learner there meets
        on: { 'engine-20': { exitCode: 125, says: ['unknown flag: --build'] } },
      },
      {
        run: 'curl http://localhost:8000/',
        after: started(COMPOSE_CONTAINER),
        capture: 'dev-compose-up',
        only: WITH_PLUGIN,
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      CHANGE_MAIN,
      {
        run: 'docker compose up --build -d',
        capture: 'dev-compose-rebuild',
        only: WITH_PLUGIN,
        claims: { exitCode: 0, cached: ['2/5', '3/5', '4/5'], says: ['demo-web-1  Started'] },
      },
      {
        run: 'curl http://localhost:8000/',
        after: started(COMPOSE_CONTAINER),
        capture: 'dev-compose-rebuild',
        only: WITH_PLUGIN,
        claims: { exitCode: 0, says: [CHANGED_BODY] },
      },
      {
        run: 'docker compose down',
        capture: 'dev-compose-down',
        only: WITH_PLUGIN,
        claims: { exitCode: 0 },
      },
    ],
  },
  {
    name: 'compose-watch',
    lesson: 'development-loop',
    workspace: WITH_COMPOSE,
    images: [COMPOSE_IMAGE],
    actions: [
      {
        run: 'docker compose watch',
        capture: 'dev-compose-watch',
        only: WITH_PLUGIN,
        claims: {
          says: [
            'Watch enabled',
            'Syncing service "web" after 1 changes were detected',
            'service(s) ["web"] restarted',
          ],
          saysNot: ['Error handling changed files'],
        },
        serve: {
          ready: /Watch enabled/,
          settled: /restarted/,
          tty: true,
          then: [
            CHANGE_MAIN,
            {
              run: 'curl http://localhost:8000/',
              after: { poll: 'curl -s http://localhost:8000/', until: /Welcome back to root!/ },
              capture: 'dev-compose-watch-curl',
              only: WITH_PLUGIN,
              claims: { exitCode: 0, says: [CHANGED_BODY] },
            },
          ],
        },
      },
      { run: 'docker compose down', only: WITH_PLUGIN, claims: { exitCode: 0 } },
    ],
  },
  {
    name: 'clean-up',
    lesson: 'development-loop',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      {
        run: 'docker system df',
        capture: 'dev-system-df',
        claims: { exitCode: 0, says: ['TYPE', 'Images', 'Containers', 'Build Cache'] },
        // the legacy builder's cache is images: lesson 8 says 20.10 counts no build cache
        on: { 'engine-20': { exitCode: 0, says: [/^Build Cache +0 +0 +0B +0B$/m] } },
      },
      {
        run: 'docker image prune -f',
        capture: 'dev-prune',
        claims: { exitCode: 0, says: ['Total reclaimed space:'] },
      },
      {
        run: 'docker builder prune -f',
        capture: 'dev-prune',
        claims: { exitCode: 0, says: ['Total:'] },
        on: { 'engine-20': { exitCode: 0, says: ['Total reclaimed space: 0B'] } },
      },
    ],
  },
];
