/** Every build failure kind, in BuildKit plain (some tty) and legacy modes. */
import { readFileSync } from 'node:fs';
import { capture } from './lab.ts';
import { withDemoImage, workspace, type Workspace } from './workspace.ts';

interface Failure {
  name: string;
  setup: string;
  prepare: (w: Workspace) => void;
  tty?: boolean;
}

const FAILURES: Failure[] = [
  { name: 'no-dockerfile', setup: 'an empty directory', prepare: (w) => w.remove('Dockerfile') },
  {
    name: 'parse-error',
    setup: 'the course Dockerfile with RUN misspelt as RUNN on line 11',
    prepare: (w) => w.write('Dockerfile', read(w).replace('RUN pip', 'RUNN pip')),
  },
  {
    name: 'copy-missing',
    setup: 'the course project without requirements.txt',
    prepare: (w) => w.remove('requirements.txt'),
    tty: true,
  },
  {
    name: 'copy-ignored',
    setup: 'the course project with requirements.txt listed in .dockerignore',
    prepare: (w) => w.append('.dockerignore', 'requirements.txt\n'),
  },
  {
    name: 'run-failed',
    setup:
      'the course project with a package pip cannot find (fastapi-utilz) added to requirements.txt',
    prepare: (w) => w.append('requirements.txt', 'fastapi-utilz\n'),
    tty: true,
  },
  {
    name: 'expose-comment',
    setup:
      'the course Dockerfile with a comment after the port on the EXPOSE line (EXPOSE 8000 # the port uvicorn listens on)',
    prepare: (w) =>
      w.write(
        'Dockerfile',
        read(w).replace('EXPOSE 8000', 'EXPOSE 8000 # the port uvicorn listens on'),
      ),
  },
  {
    name: 'base-missing',
    setup:
      'the course Dockerfile with FROM pythn:3.13-slim (a typo); Docker Hub is unreachable from this lab',
    prepare: (w) =>
      w.write('Dockerfile', read(w).replace('FROM python:3.13-slim', 'FROM pythn:3.13-slim')),
  },
];

function read(w: Workspace): string {
  return readFileSync(`${w.dir}/Dockerfile`, 'utf8');
}

export function captureBuildErrors(): void {
  withDemoImage((built) => {
    // CAPTURE_ONLY=<name> captures one failure, leaving the others' fixtures as they are.
    const only = process.env['CAPTURE_ONLY'];
    for (const f of FAILURES.filter((x) => !only || x.name === only)) {
      const w = workspace(f.name !== 'no-dockerfile');
      f.prepare(w);
      const common = { cwd: w.dir, setup: f.setup };
      capture({
        name: `build-${f.name}-plain`,
        command: 'docker build --progress=plain -t demo-image .',
        ...common,
      });
      if (f.tty)
        capture({
          name: `build-${f.name}-tty-80`,
          command: 'docker build -t demo-image .',
          ttyCols: 80,
          ...common,
        });
      capture({
        name: `build-${f.name}-legacy`,
        command: 'DOCKER_BUILDKIT=0 docker build -t demo-image .',
        ...common,
      });
      built();
    }
  });
}
