/** Lesson 8: each failure a learner meets, produced for real. */
import type { Scenario } from '../lab.ts';
import { writeArm64Rootfs } from '../arm64-rootfs.ts';
import {
  BUILD,
  CHANGED_BODY,
  quietBuild,
  ROOT_BODY,
  RUN_DEMO,
  started,
  STARTED,
} from './common.ts';
import { localAppLeftRunning } from './concepts.ts';

const SOLUTION = { from: 'solution' };
const variant = (name: string) => ({ from: 'solution', overlay: `variants/${name}` });
const BUILD_FAILED = 1;
const RUN_REFUSED = 125;
const NOT_FOUND = 127;
const CURL_REFUSED = 7;
/** docker-proxy closes the connection it cannot forward: curl sees a reset (56) or, by timing, an empty reply (52). */
const CURL_CLOSED = [52, 56];

export const troubleshootingScenarios: Scenario[] = [
  {
    name: 'port-allocated',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      { run: RUN_DEMO, capture: 'trouble-port-allocated', claims: { exitCode: 0 } },
      {
        run: 'docker run -d --name demo2 -p 8000:8000 demo-image',
        capture: 'trouble-port-allocated',
        claims: {
          exitCode: RUN_REFUSED,
          // Which of the port's two bindings (IPv4, IPv6) is refused first is a race on 28.5; the
          // IPv6 one reads `Bind for :::8000 failed` (lab, Engine 28.5.2, 1 run in 4 on 2026-12-06).
          says: [/Bind for (?:0\.0\.0\.0|::):8000 failed: port is already allocated/],
        },
      },
      {
        run: 'docker ps -a',
        capture: 'trouble-port-allocated',
        claims: { exitCode: 0, says: [/ Created .* demo2\n/, /Up .* demo\n/] },
      },
      { run: 'docker rm demo2', capture: 'trouble-port-allocated-fix', claims: { exitCode: 0 } },
      {
        run: 'docker run -d --name demo2 -p 8001:8000 demo-image',
        capture: 'trouble-port-allocated-fix',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker ps',
        after: started('demo2'),
        capture: 'trouble-port-allocated-fix',
        claims: { exitCode: 0, says: ['0.0.0.0:8001->8000/tcp', '0.0.0.0:8000->8000/tcp'] },
      },
    ],
  },
  {
    name: 'address-in-use',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      {
        // lesson 4's app, still running on the host's port 8000
        run: localAppLeftRunning,
        serve: {
          ready: STARTED,
          then: [
            {
              run: RUN_DEMO,
              capture: 'trouble-address-in-use',
              claims: { exitCode: RUN_REFUSED, says: ['address already in use'] },
              on: {
                'engine-20': {
                  exitCode: RUN_REFUSED,
                  says: [
                    'Error starting userland proxy: listen tcp4 0.0.0.0:8000: bind: address already in use',
                  ],
                },
              },
            },
          ],
        },
      },
    ],
  },
  {
    name: 'wrong-host-port',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      { run: RUN_DEMO, capture: 'trouble-wrong-port', claims: { exitCode: 0 } },
      {
        run: 'curl http://localhost:8080/',
        after: started(),
        capture: 'trouble-wrong-port',
        claims: { exitCode: CURL_REFUSED, says: ['Failed to connect to localhost port 8080'] },
      },
    ],
  },
  {
    name: 'app-on-loopback',
    lesson: 'troubleshooting',
    workspace: variant('loopback'),
    actions: [
      quietBuild(),
      { run: RUN_DEMO, capture: 'trouble-reset', claims: { exitCode: 0 } },
      {
        run: 'curl http://localhost:8000/',
        after: started(),
        capture: 'trouble-reset',
        claims: {
          exitCode: CURL_CLOSED,
          says: [
            /curl: \((?:56\) Recv failure: Connection reset by peer|52\) Empty reply from server)/,
          ],
        },
      },
      {
        run: 'docker ps',
        capture: 'trouble-reset',
        claims: { exitCode: 0, says: ['0.0.0.0:8000->8000/tcp'] },
      },
      {
        run: 'docker logs demo',
        capture: 'trouble-reset-logs',
        claims: { exitCode: 0, says: ['Uvicorn running on http://127.0.0.1:8000'] },
      },
    ],
  },
  {
    name: 'executable-not-found',
    lesson: 'troubleshooting',
    workspace: variant('missing-server'),
    actions: [
      quietBuild(),
      {
        run: 'docker run -p 8000:8000 demo-image',
        capture: 'trouble-exec-not-found',
        claims: {
          exitCode: NOT_FOUND,
          says: ['exec: "gunicorn": executable file not found in $PATH'],
        },
        on: {
          'engine-20': {
            exitCode: NOT_FOUND,
            says: ['exec: "gunicorn": executable file not found in $PATH: unknown.'],
          },
        },
      },
    ],
  },
  {
    name: 'copy-source-ignored',
    lesson: 'troubleshooting',
    workspace: variant('ignored-requirements'),
    actions: [
      {
        run: BUILD,
        capture: 'trouble-copy-ignored',
        claims: { exitCode: BUILD_FAILED, says: [/"\/requirements\.txt"[^\n]* not found/] },
        on: {
          'engine-20': {
            exitCode: BUILD_FAILED,
            says: ['COPY failed: file not found in build context or excluded by .dockerignore'],
          },
        },
      },
    ],
  },
  {
    name: 'expose-comment',
    lesson: 'troubleshooting',
    workspace: variant('expose-comment'),
    actions: [
      {
        run: BUILD,
        capture: 'trouble-expose-comment',
        claims: { exitCode: BUILD_FAILED, says: [/invalid containerPort: #/i] },
        on: { 'engine-20': { exitCode: BUILD_FAILED, says: [/^Invalid containerPort: #$/m] } },
      },
    ],
  },
  {
    name: 'wrong-folder',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    actions: [
      // each step is its own shell, so the next one says where it runs; the session reads as the learner typed it
      { run: 'cd app', capture: 'trouble-wrong-folder', claims: { exitCode: 0 } },
      {
        run: BUILD,
        cwd: 'app',
        capture: 'trouble-wrong-folder',
        claims: { exitCode: BUILD_FAILED, says: ['Dockerfile: no such file or directory'] },
        on: {
          'engine-20': {
            exitCode: BUILD_FAILED,
            says: ['unable to prepare context: unable to evaluate symlinks in Dockerfile path'],
          },
        },
      },
    ],
  },
  {
    name: 'exec-format',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    prepare: writeArm64Rootfs,
    images: ['demo-image:arm64'],
    actions: [
      {
        run: `tar -C rootfs -c . | docker import --change 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]' - demo-image:arm64`,
        claims: { exitCode: 0 },
      },
      {
        run: 'docker run -p 8000:8000 demo-image:arm64',
        capture: 'trouble-exec-format',
        claims: { exitCode: 1, says: ['exec /usr/local/bin/uvicorn: exec format error'] },
      },
    ],
  },
  {
    name: 'build-for-a-platform',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    actions: [
      {
        run: 'docker build --platform linux/amd64 -t demo-image:latest .',
        claims: { exitCode: 0 },
      },
      {
        run: `docker image inspect demo-image:latest --format '{{.Os}}/{{.Architecture}}'`,
        capture: 'trouble-platform',
        claims: { exitCode: 0, says: ['linux/amd64\n'] },
      },
      {
        // The lesson's word on multi-platform builds: the classic image store refuses them.
        run: 'docker build --platform linux/amd64,linux/arm64 -t demo-image:multi .',
        only: ['classic'],
        claims: {
          exitCode: BUILD_FAILED,
          says: ['Multi-platform build is not supported for the docker driver'],
        },
      },
    ],
  },
  {
    name: 'stale-change',
    lesson: 'troubleshooting',
    workspace: SOLUTION,
    actions: [
      quietBuild(),
      { run: RUN_DEMO, capture: 'trouble-stale', claims: { exitCode: 0 } },
      {
        run: 'curl http://localhost:8000/',
        after: started(),
        capture: 'trouble-stale',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      { edit: 'app/main.py', from: 'variants/changed-main/app/main.py' },
      {
        run: 'curl http://localhost:8000/',
        capture: 'trouble-stale-edited',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      {
        run: 'docker build -q -t demo-image:latest .',
        capture: 'trouble-stale-edited',
        claims: { exitCode: 0, says: [/^sha256:[0-9a-f]{64}\n$/] },
      },
      {
        run: 'curl http://localhost:8000/',
        capture: 'trouble-stale-edited',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      { run: 'docker rm -f demo', capture: 'trouble-stale-fixed', claims: { exitCode: 0 } },
      { run: RUN_DEMO, capture: 'trouble-stale-fixed', claims: { exitCode: 0 } },
      {
        run: 'curl http://localhost:8000/',
        after: started(),
        capture: 'trouble-stale-fixed',
        claims: { exitCode: 0, says: [CHANGED_BODY] },
      },
    ],
  },
];
