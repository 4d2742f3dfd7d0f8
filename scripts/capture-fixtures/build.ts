/** Successful builds of the course project: first and cached, plain, tty (80/120), legacy; history, images. */
import { capture, sh } from './lab.ts';
import { withDemoImage, workspace } from './workspace.ts';

const COLD =
  'first build of the course project; --no-cache stands in for an empty cache on this shared engine (WORKDIR stays CACHED under --no-cache, see docker-semantics §1.6)';

export function captureBuilds(): void {
  const w = workspace();
  const cwd = w.dir;
  const setup = 'a copy of content/workspace/solution';
  withDemoImage((built) => {
    const b = (
      name: string,
      command: string,
      extra: { ttyCols?: number; note?: string; setup?: string } = {},
    ) => {
      capture({ name, command, cwd, setup, ...extra });
      built();
    };
    b('build-first-plain', 'docker build --no-cache --progress=plain -t demo-image .', {
      note: COLD,
    });
    b('build-cached-plain', 'docker build --progress=plain -t demo-image .');
    for (const cols of [80, 120]) {
      b(`build-first-tty-${cols}`, 'docker build --no-cache -t demo-image .', {
        ttyCols: cols,
        note: COLD,
      });
      b(`build-cached-tty-${cols}`, 'docker build -t demo-image .', { ttyCols: cols });
    }
    b('build-first-legacy', 'DOCKER_BUILDKIT=0 docker build --no-cache -t demo-image .', {
      note: COLD,
    });
    b('build-cached-legacy', 'DOCKER_BUILDKIT=0 docker build -t demo-image .');
    capture({
      name: 'history-legacy',
      command: 'docker history demo-image',
      setup: 'after build-cached-legacy',
    });
    w.append(
      'app/main.py',
      '\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n',
    );
    b('build-app-edit-plain', 'docker build --progress=plain -t demo-image .', {
      setup: `${setup}, then a /health route appended to app/main.py`,
    });
    b('build-app-edit-tty-80', 'docker build -t demo-image .', {
      ttyCols: 80,
      setup: `${setup}, then a /health route appended to app/main.py`,
    });
    capture({
      name: 'history-buildkit',
      command: 'docker history demo-image',
      setup: 'after build-app-edit-tty-80',
    });
    capture({
      name: 'history-buildkit-no-trunc',
      command: 'docker history --no-trunc demo-image',
      setup: 'after build-app-edit-tty-80',
    });
    // A CI runner stamps every line as it arrives; this does the same to a real build's stream.
    w.append('app/main.py', '\n# checked in CI\n');
    capture({
      name: 'build-ci-timestamps',
      command: 'docker build --progress=plain -t demo-image .',
      cwd,
      setup: `${setup}, after build-app-edit-tty-80 and a comment appended to app/main.py (so COPY ./app ran again)`,
      note: 'each line prefixed with its arrival time in the GitHub Actions log format (UTC, 7 fractional digits), as a CI runner does',
      driver: `docker build --progress=plain -t demo-image . 2>&1 | while IFS= read -r l; do printf '%s %s\\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%7NZ)" "$l"; done`,
    });
    built();
    capture({
      name: 'images',
      command: 'docker images --filter reference=demo-image --filter reference=python',
      note: 'filtered: other engineers share this engine',
    });
    capture({ name: 'image-ls', command: 'docker image ls demo-image' });
  });
}

const BAD_ORDER = `FROM python:3.13-slim
WORKDIR /demo
COPY . /demo
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
`;

const MULTI_STAGE = `FROM python:3.13-slim AS build
WORKDIR /src
COPY ./app ./app
RUN python -m compileall -q app

FROM python:3.13-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY --from=build /src/app /demo/app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
`;

const TEN_STEPS = `FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1
WORKDIR /demo
RUN useradd --create-home app
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
RUN python -c "import fastapi, uvicorn"
COPY ./app /demo/app
RUN python -m compileall -q /demo/app
RUN mkdir -p /demo/data
RUN chown -R app /demo
USER app
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
`;

/** Other Dockerfile shapes: dependencies installed after `COPY . /demo`, multi-stage, ten or more steps. */
export function captureShapes(): void {
  withDemoImage((built) => {
    const w = workspace();
    w.write('Dockerfile', BAD_ORDER);
    const setup = 'a copy of content/workspace/solution with this Dockerfile:\n' + BAD_ORDER;
    for (const [name, env] of [
      ['plain', ''],
      ['legacy', 'DOCKER_BUILDKIT=0 '],
    ] as const) {
      sh(`${env}docker build -q -t demo-image .`, w.dir);
      built();
      w.append('app/main.py', `\n# edited (${name})\n`);
      capture({
        name: `build-bad-order-${name}`,
        command: `${env}docker build ${env ? '' : '--progress=plain '}-t demo-image .`,
        cwd: w.dir,
        setup: `${setup}\nbuilt once, then a comment appended to app/main.py`,
      });
      built();
    }
    const m = workspace();
    m.write('Dockerfile', MULTI_STAGE);
    capture({
      name: 'build-multistage-plain',
      command: 'docker build --no-cache --progress=plain -t demo-image .',
      cwd: m.dir,
      setup: 'a copy of content/workspace/solution with this Dockerfile:\n' + MULTI_STAGE,
    });
    built();
    capture({
      name: 'build-multistage-tty-120',
      command: 'docker build -t demo-image .',
      cwd: m.dir,
      ttyCols: 120,
      setup: 'after build-multistage-plain, unchanged',
    });
    built();
    const t = workspace();
    t.write('Dockerfile', TEN_STEPS);
    capture({
      name: 'build-ten-steps-plain',
      command: 'docker build --progress=plain -t demo-image .',
      cwd: t.dir,
      setup: 'a copy of content/workspace/solution with this Dockerfile:\n' + TEN_STEPS,
    });
    built();
  });
}
