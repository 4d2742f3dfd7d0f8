/** The exact words a learner reads, pinned for a few findings: a change of wording must be deliberate. */
import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseOptions, type Finding } from '../../../src/core/dockerfile/index.ts';
import { fixture, variant } from './fixtures.ts';

function only(id: string, text: string, options?: AnalyseOptions): Finding | undefined {
  return analyse(text, options).find((f) => f.id === id);
}

describe('finding wording', () => {
  it.each<[string, string, AnalyseOptions | undefined, Finding]>([
    [
      'base-image-eol',
      fixture('seed-post.Dockerfile'),
      undefined,
      {
        id: 'base-image-eol',
        severity: 'warning',
        line: 2,
        message:
          'python:3.8 runs Python 3.8, which reached its end of life on 7 October 2024: it gets no security fixes any more.',
        hint: 'Use a supported Python: FROM python:3.13-slim',
      },
    ],
    [
      'install-after-source',
      fixture('seed-post-wrong-order.Dockerfile'),
      undefined,
      {
        id: 'install-after-source',
        severity: 'warning',
        line: 8,
        message:
          '`COPY ./app /demo/app` (line 8) copies your application code before `RUN pip install --no-cache-dir --upgrade -r /demo/requireme…` (line 14). Any change to your code changes this step, and Docker then re-runs every step after it, so pip reinstalls all your dependencies on every build.',
        hint: 'Copy the requirements file on its own, install, and only then copy the code:\nCOPY ./requirements.txt /demo/requirements.txt\nRUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt\nCOPY ./app /demo/app',
      },
    ],
    [
      'install-after-source without a separate requirements COPY',
      'FROM python:3.13-slim\nWORKDIR /demo\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      undefined,
      {
        id: 'install-after-source',
        severity: 'warning',
        line: 3,
        message:
          '`COPY . .` (line 3) copies your application code before `RUN pip install --no-cache-dir -r requirements.txt` (line 4). Any change to your code changes this step, and Docker then re-runs every step after it, so pip reinstalls all your dependencies on every build.',
        hint: 'Copy the requirements file on its own, install, and only then copy the code:\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .',
      },
    ],
    [
      'pip-no-cache-dir',
      variant({ 4: 'RUN apt-get install -y curl && pip install -r /demo/requirements.txt' }),
      undefined,
      {
        id: 'pip-no-cache-dir',
        severity: 'warning',
        line: 4,
        message:
          "`RUN apt-get install -y curl && pip install -r /demo/require…` leaves pip's download cache (~/.cache/pip) in this layer, so the image is bigger than it needs to be. It does not speed up later builds: Docker's build cache reuses whole layers and never looks at pip's cache.",
        hint: 'Add --no-cache-dir: RUN apt-get install -y curl && pip install --no-cache-dir -r /demo/requirements.txt',
      },
    ],
    [
      'dockerignore-missing',
      'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\n',
      { dockerignore: null },
      {
        id: 'dockerignore-missing',
        severity: 'warning',
        line: 3,
        message:
          '`COPY . .` copies everything in the build folder, and there is no .dockerignore: a local .venv (large, and built for your machine rather than the container), .git, __pycache__ and the Dockerfile itself all go into the image. A change to any of them, even a comment in the Dockerfile, invalidates this step and every step after it.',
        hint: 'Add a .dockerignore next to the Dockerfile with at least these lines: .venv, __pycache__, .git, Dockerfile, .dockerignore. Or copy only what the app needs, e.g. COPY ./app ./app',
      },
    ],
    [
      'dockerignore-incomplete',
      'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\n',
      { dockerignore: '# local files\n.venv\n' },
      {
        id: 'dockerignore-incomplete',
        severity: 'info',
        line: 3,
        message:
          'Your .dockerignore does not leave out Dockerfile, so `COPY . .` still copies it into the image. A change to it, even a comment in the Dockerfile, invalidates this step and every step after it.',
        hint: 'Add this line to .dockerignore: Dockerfile',
      },
    ],
    [
      'cmd-shell-form',
      fixture('engine/shell.Dockerfile'),
      undefined,
      {
        id: 'cmd-shell-form',
        severity: 'warning',
        line: 6,
        message:
          '`CMD uvicorn app.main:app --host 0.0.0.0 --port 8000` is in shell form, so Docker runs it as /bin/sh -c "…" and the shell, not your server, is process 1. The shell does not pass on the stop signal: docker stop waits 10 seconds, then kills the container (exit code 137), and your app\'s shutdown code never runs.',
        hint: 'Use exec form: CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
      },
    ],
    [
      'invalid-json-form',
      fixture('engine/badjson.Dockerfile'),
      undefined,
      {
        id: 'invalid-json-form',
        severity: 'error',
        line: 4,
        message:
          "`CMD ['uvicorn', 'app.main:app', '--host', '0.0.0.0']` starts with [ but is not valid JSON, so Docker runs the whole line as a shell command: the container stops at once with \"/bin/sh: 1: [uvicorn,: not found\" (exit code 127).",
        hint: 'JSON needs double quotes: CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]',
      },
    ],
    [
      'server-host-missing',
      fixture('engine/nohost.Dockerfile'),
      undefined,
      {
        id: 'server-host-missing',
        severity: 'error',
        line: 4,
        message:
          'uvicorn has no --host, so it listens on 127.0.0.1, its default (its log says "Uvicorn running on http://127.0.0.1:8000"). Inside a container that address is the container\'s own loopback: requests from a published port (docker run -p 8000:8000) arrive on the container\'s network interface, find nothing listening, and curl answers "Connection reset by peer" or "Empty reply from server".',
        hint: 'Listen on every interface of the container, --host 0.0.0.0: CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]',
      },
    ],
    [
      'port-mismatch',
      variant({ 7: 'CMD ["fastapi", "run", "app/main.py", "--port", "80"]' }),
      undefined,
      {
        id: 'port-mismatch',
        severity: 'warning',
        line: 7,
        message:
          'fastapi run listens on port 80, but EXPOSE says 8000 (line 6). EXPOSE publishes nothing, but it tells whoever runs the image which port to publish: docker run -p 8000:8000 would reach nothing, and docker run -P publishes only 8000.',
        hint: 'Make them agree: EXPOSE 80, or --port 8000 in the command.',
      },
    ],
    [
      'app-path-not-copied',
      fixture('engine/appcontents.Dockerfile'),
      undefined,
      {
        id: 'app-path-not-copied',
        severity: 'warning',
        line: 3,
        message:
          '`COPY ./app /demo` copies what is inside the folder, not the folder itself: the code lands at /demo/main.py, but app.main:app needs /demo/app/main.py, so the container stops with "ModuleNotFoundError: No module named \'app\'".',
        hint: 'Name the folder in the destination: COPY ./app /demo/app',
      },
    ],
    [
      'unknown-instruction',
      variant({ 5: 'COPPY ./app /demo/app' }),
      undefined,
      {
        id: 'unknown-instruction',
        severity: 'error',
        line: 5,
        message:
          '`COPPY` is not a Dockerfile instruction, so docker build stops at line 5 with "unknown instruction: COPPY".',
        hint: 'Did you mean COPY? Write `COPY ./app /demo/app`.',
      },
    ],
    [
      'not-a-dockerfile for Python code',
      'from fastapi import FastAPI\n\napp = FastAPI()\n',
      undefined,
      {
        id: 'not-a-dockerfile',
        severity: 'error',
        line: 1,
        message:
          'This looks like Python code (line 1: `from fastapi import FastAPI`), not a Dockerfile.',
        hint: 'A Dockerfile starts with FROM, e.g. FROM python:3.13-slim. Paste the whole file, as `cat Dockerfile` prints it.',
      },
    ],
  ])('%s', (id, text, options, expected) => {
    expect(only(expected.id, text, options), id).toEqual(expected);
  });
});
