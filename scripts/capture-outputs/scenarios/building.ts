/** Lesson 6: the first build, the cached rebuild, the wrong order, what an image holds. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../lab.ts';
import { BUILD, quietBuild } from './common.ts';

const SOLUTION = { from: 'solution' };
const CHANGE_MAIN = { edit: 'app/main.py', from: 'variants/changed-main/app/main.py' };
const WRONG_ORDER_BUILD = 'docker build -t demo-image:wrong-order .';
/** What running the app locally (lesson 4) leaves in the project: Python's compiled copy of main.py. */
const PYC = 'app/__pycache__/main.cpython-314.pyc';
const localRunLeftBytecode = (dir: string) => {
  mkdirSync(join(dir, 'app/__pycache__'), { recursive: true });
  writeFileSync(join(dir, PYC), 'bytecode of the first local run');
};

/** Engine 20.10's legacy builder (its default): numbered steps, every one run, the image tagged. */
const LEGACY_FIRST_BUILD = {
  exitCode: 0,
  cached: [],
  says: ['Step 1/7 : FROM python:3.14-slim', 'Successfully tagged demo-image:latest'],
};

export const buildingScenarios: Scenario[] = [
  {
    name: 'first-build',
    lesson: 'building-the-image',
    workspace: SOLUTION,
    fresh: true,
    actions: [
      {
        run: BUILD,
        capture: 'build-first',
        claims: {
          exitCode: 0,
          cached: [],
          says: ['naming to docker.io/library/demo-image:latest'],
        },
        on: { 'engine-20': LEGACY_FIRST_BUILD },
      },
    ],
  },
  {
    name: 'first-build-plain',
    lesson: 'building-the-image',
    workspace: SOLUTION,
    fresh: true,
    // A folder no COPY names and .dockerignore does not list: BuildKit must not send it (E2).
    prepare: (dir) => {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs/recording.bin'), Buffer.alloc(5_000_000, 1));
    },
    actions: [
      {
        run: 'docker build --progress=plain -t demo-image:latest .',
        capture: 'build-first-plain',
        claims: {
          exitCode: 0,
          cached: [],
          says: [
            'Requirement already satisfied: fastapi==0.143.3',
            "Running pip as the 'root' user",
            /transferring context: [1-9]\d{2}B (?:\d+\.\ds )?done/,
            'naming to docker.io/library/demo-image:latest',
          ],
        },
        on: {
          // the legacy builder ignores --progress and sends the whole folder, recording.bin included
          'engine-20': {
            ...LEGACY_FIRST_BUILD,
            says: [
              ...LEGACY_FIRST_BUILD.says,
              /^Sending build context to Docker daemon +5\.\d+MB$/m,
            ],
          },
        },
      },
    ],
  },
  {
    name: 'cached-rebuild',
    lesson: 'building-the-image',
    workspace: SOLUTION,
    fresh: true,
    // The learner ran the app locally (lesson 4) and runs it again between builds: .dockerignore's
    // **/__pycache__ must keep the changing bytecode out, or the reverted build would not be all CACHED.
    prepare: localRunLeftBytecode,
    actions: [
      quietBuild(),
      CHANGE_MAIN,
      {
        run: BUILD,
        capture: 'build-cached',
        claims: { exitCode: 0, cached: ['2/5', '3/5', '4/5'] },
        // the legacy builder counts EXPOSE and CMD as steps, and runs them again after a changed one
        on: { 'engine-20': { exitCode: 0, cached: ['2/7', '3/7', '4/7'] } },
      },
      { edit: 'app/main.py', from: 'solution/app/main.py' },
      { run: `printf 'bytecode of another local run' > ${PYC}`, claims: { exitCode: 0 } },
      {
        run: BUILD,
        capture: 'build-reverted',
        claims: { exitCode: 0, cached: ['2/5', '3/5', '4/5', '5/5'] },
        on: { 'engine-20': { exitCode: 0, cached: ['2/7', '3/7', '4/7', '5/7', '6/7', '7/7'] } },
      },
      {
        run: 'docker history demo-image:latest',
        capture: 'build-history',
        claims: {
          exitCode: 0,
          says: [
            'CMD ["uvicorn" "app.main:app"',
            'EXPOSE [8000/tcp]',
            /RUN \/bin\/sh -c pip install.* 0B /,
            /COPY \.\/app \/demo\/app # buildkit +1\d\dB /,
            'WORKDIR /demo',
            'Imported from -',
          ],
        },
      },
      {
        run: `docker image inspect demo-image:latest --format '{{.Config.WorkingDir}} {{json .Config.ExposedPorts}} {{json .Config.Cmd}}'`,
        capture: 'build-inspect',
        claims: {
          exitCode: 0,
          says: [
            '/demo {"8000/tcp":{}} ["uvicorn","app.main:app","--host","0.0.0.0","--port","8000"]',
          ],
        },
      },
      {
        run: 'docker run --rm demo-image:latest ls -A /demo/app',
        claims: { exitCode: 0, says: ['main.py'], saysNot: ['__pycache__'] },
      },
      {
        run: 'docker images demo-image',
        capture: 'build-images',
        claims: { exitCode: 0, says: [/^demo-image +latest +[0-9a-f]{12} /m] },
      },
    ],
  },
  {
    name: 'wrong-order',
    lesson: 'building-the-image',
    workspace: { from: 'solution', overlay: 'variants/wrong-order' },
    fresh: true,
    actions: [
      quietBuild(WRONG_ORDER_BUILD),
      CHANGE_MAIN,
      {
        run: WRONG_ORDER_BUILD,
        capture: 'build-wrong-order',
        claims: { exitCode: 0, cached: ['2/5'] },
        on: { 'engine-20': { exitCode: 0, cached: ['2/7'] } },
      },
    ],
  },
];
