/** Lessons 1 to 4: Docker answers, what a container and an image are, the app before Docker. */
import type { Scenario } from '../lab.ts';
import { ROOT_BODY } from './common.ts';

const SOLUTION = { from: 'solution' };
/** Lesson 4's project: the app and its requirements, no Dockerfile yet. */
const APP_ONLY = { from: 'solution', only: ['requirements.txt', 'app/main.py'] };

/**
 * The lab has no Python with FastAPI on the host and no PyPI, so lesson 4's local run happens in the
 * lab's Python image on the host's network: the same uvicorn command, the same port on the same machine.
 */
const LOCAL_UVICORN =
  'docker run --rm --network host -v "$PWD":/home/learner/demo -w /home/learner/demo python:3.14-slim uvicorn';

export const conceptScenarios: Scenario[] = [
  {
    name: 'docker-version',
    lesson: 'introduction',
    workspace: SOLUTION,
    actions: [
      {
        run: 'docker version',
        capture: 'docker-version',
        claims: { exitCode: 0, says: ['Client:', 'Server:'] },
      },
      {
        run: 'docker version',
        situation: 'engine-stopped',
        capture: 'docker-version-no-engine',
        claims: {
          exitCode: 1,
          says: [
            'Client:',
            'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          ],
          saysNot: ['Server:'],
        },
      },
      {
        run: 'docker version',
        situation: 'not-in-docker-group',
        capture: 'docker-version-permission-denied',
        claims: {
          exitCode: 1,
          says: [
            'Client:',
            'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock',
          ],
          saysNot: ['Server:'],
        },
      },
    ],
  },
  {
    name: 'container-isolation',
    lesson: 'what-is-a-container',
    workspace: SOLUTION,
    actions: [
      { run: 'uname -r', capture: 'container-kernel', claims: { exitCode: 0 } },
      {
        run: 'docker run --rm python:3.14-slim uname -r',
        capture: 'container-kernel',
        claims: { exitCode: 0 },
      },
      {
        run: 'head -n 1 /etc/os-release',
        capture: 'container-filesystem',
        claims: { exitCode: 0, says: ['bookworm'] },
      },
      {
        run: 'docker run --rm python:3.14-slim head -n 1 /etc/os-release',
        capture: 'container-filesystem',
        claims: { exitCode: 0, says: ['forky'] },
      },
      {
        run: `docker run --rm python:3.14-slim sh -c 'echo "my PID is $$"'`,
        capture: 'container-pid',
        claims: { exitCode: 0, says: ['my PID is 1\n'] },
      },
    ],
    compare: ([host, container]) =>
      host?.output === container?.output
        ? []
        : ['the container reports another kernel than the host'],
  },
  {
    name: 'image-vs-container',
    lesson: 'what-is-an-image',
    workspace: SOLUTION,
    actions: [
      {
        run: 'docker images python',
        capture: 'image-list',
        claims: { exitCode: 0, says: [/^python +3\.14-slim /m] },
      },
      {
        run: 'docker run -d --name one python:3.14-slim sleep 600',
        capture: 'image-two-containers',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker run -d --name two python:3.14-slim sleep 600',
        capture: 'image-two-containers',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker ps',
        capture: 'image-two-containers',
        claims: { exitCode: 0, says: [/python:3\.14-slim .* one\n/, /python:3\.14-slim .* two\n/] },
      },
      {
        run: 'docker exec one touch /tmp/hello.txt',
        capture: 'image-writable-layer',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker diff one',
        capture: 'image-writable-layer',
        claims: { exitCode: 0, says: ['A /tmp/hello.txt'] },
      },
      {
        run: 'docker exec two ls /tmp/hello.txt',
        capture: 'image-writable-layer',
        claims: { exitCode: 2, says: ['No such file or directory'] },
      },
      { run: 'docker rm -f one two', capture: 'image-writable-layer', claims: { exitCode: 0 } },
    ],
  },
  {
    name: 'local-app',
    lesson: 'demo-fastapi-project',
    workspace: APP_ONLY,
    actions: [
      {
        run: `${LOCAL_UVICORN} app.main:app --reload`,
        shown: 'uvicorn app.main:app --reload',
        capture: 'local-uvicorn',
        claims: {
          exitCode: 0,
          says: ['Uvicorn running on http://127.0.0.1:8000', '"GET / HTTP/1.1" 200 OK'],
        },
        serve: {
          ready: /Application startup complete/,
          then: [
            {
              run: 'curl -i http://localhost:8000/',
              capture: 'local-curl',
              claims: {
                exitCode: 0,
                says: [
                  'HTTP/1.1 200 OK',
                  'content-length: 17',
                  'content-type: application/json',
                  ROOT_BODY,
                ],
              },
            },
            {
              run: 'curl http://localhost:8000/openapi.json',
              capture: 'local-openapi',
              claims: { exitCode: 0, says: ['"openapi":', '"/":'] },
            },
          ],
        },
      },
    ],
  },
];

/** The lesson-4 app left running on the host, as troubleshooting's port clash needs it. */
export const localAppLeftRunning = `${LOCAL_UVICORN} app.main:app`;
