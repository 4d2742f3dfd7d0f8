import { describe, expect, it } from 'vitest';
import { analyse, type AnalyseOptions } from '../../../src/core/dockerfile/index.ts';
import { fixture, projectFile, variant } from './fixtures.ts';

type Expected = [id: string, line: number][];

const ids = (text: string, options?: AnalyseOptions): Expected =>
  analyse(text, options).map((f) => [f.id, f.line ?? 0]);

const CMD = 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]';

describe('real Dockerfiles', () => {
  it.each<[string, string, Expected]>([
    ['the course solution is clean', projectFile('content/workspace/solution/Dockerfile'), []],
    [
      "the seed post's Dockerfile: Python 3.8 and no EXPOSE",
      fixture('seed-post.Dockerfile'),
      [
        ['base-image-eol', 2],
        ['expose-missing', 17],
      ],
    ],
    [
      "the seed post's wrong order",
      fixture('seed-post-wrong-order.Dockerfile'),
      [
        ['base-image-eol', 2],
        ['install-after-source', 8],
        ['expose-missing', 17],
      ],
    ],
    ["the FastAPI docs' Dockerfile", fixture('fastapi-docs.Dockerfile'), [['expose-missing', 17]]],
    [
      "the FastAPI docs' single-file Dockerfile",
      fixture('fastapi-docs-single-file.Dockerfile'),
      [['expose-missing', 13]],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("an EXPOSE comment gets the builder's own words and where the comment goes", () => {
    const [found] = analyse(variant({ 6: 'EXPOSE 8000 # the port uvicorn listens on' }));
    expect(found?.message).toBe(
      'A # starts a comment only at the beginning of a line: in `EXPOSE 8000 # the port uvicorn listens on` docker build reads `#` as a port and stops with "invalid containerPort: #".',
    );
    expect(found?.hint).toBe(
      'Put the comment on its own line above: `# the port uvicorn listens on`, then `EXPOSE 8000`.',
    );
  });
});

/** Each Dockerfile built and run on the engine (tests/fixtures/dockerfile/ENGINE-FACTS.md), with what went wrong there. */
describe('Dockerfiles whose failure was seen on the engine', () => {
  it.each<[string, string, Expected]>([
    [
      'shell.Dockerfile: docker stop took 10 s, exit 137',
      'shell',
      [
        ['cmd-shell-form', 6],
        ['expose-missing', 6],
      ],
    ],
    [
      'shellcd.Dockerfile: the same, behind cd &&',
      'shellcd',
      [
        ['cmd-shell-form', 4],
        ['expose-missing', 4],
      ],
    ],
    ['badjson.Dockerfile: /bin/sh: 1: [uvicorn,: not found', 'badjson', [['invalid-json-form', 4]]],
    [
      'nohost.Dockerfile: Uvicorn running on http://127.0.0.1:8000',
      'nohost',
      [
        ['server-host-missing', 4],
        ['expose-missing', 4],
      ],
    ],
    [
      'execvar.Dockerfile: Invalid value for --port: $PORT',
      'execvar',
      [
        ['add-instead-of-copy', 2],
        ['exec-form-variable', 4],
        ['server-host-missing', 4],
        ['app-path-not-copied', 4],
      ],
    ],
    [
      "appcontents.Dockerfile: No module named 'app'",
      'appcontents',
      [
        ['app-path-not-copied', 3],
        ['expose-missing', 4],
      ],
    ],
    [
      'twocmd.Dockerfile: only the last CMD in the config',
      'twocmd',
      [
        ['cmd-shell-form', 2],
        ['cmd-multiple', 2],
      ],
    ],
    [
      'nowd.Dockerfile: the context landed in /',
      'nowd',
      [
        ['workdir-missing', 2],
        ['dockerignore-unknown', 2],
        ['cmd-missing', 3],
      ],
    ],
    ['exec.Dockerfile: stopped cleanly in 0.6 s', 'exec', [['expose-missing', 4]]],
  ])('%s', (_label, name, expected) => {
    expect(ids(fixture(`engine/${name}.Dockerfile`))).toEqual(expected);
  });
});

describe('base image', () => {
  it.each<[string, string, Expected, AnalyseOptions?]>([
    ['no tag', variant({ 1: 'FROM python' }), [['base-image-no-tag', 1]]],
    ['latest', variant({ 1: 'FROM python:latest' }), [['base-image-latest', 1]]],
    ['another image without a tag', variant({ 1: 'FROM node' }), [['base-image-no-tag', 1]]],
    ['3.8', variant({ 1: 'FROM python:3.8-slim' }), [['base-image-eol', 1]]],
    [
      '3.9 with a full registry path',
      variant({ 1: 'FROM docker.io/library/python:3.9' }),
      [['base-image-eol', 1]],
    ],
    [
      '3.10, ended in October 2026',
      variant({ 1: 'FROM python:3.10-slim-bookworm' }),
      [['base-image-eol', 1]],
    ],
    ['python:2', variant({ 1: 'FROM python:2' }), [['base-image-eol', 1]]],
    [
      '3.8 pinned by digest is still 3.8',
      variant({ 1: 'FROM python:3.8@sha256:0123abcd' }),
      [['base-image-eol', 1]],
    ],
    ['a digest alone pins the image', variant({ 1: 'FROM python@sha256:0123abcd' }), []],
    ['3.11 is supported', variant({ 1: 'FROM python:3.11-slim' }), []],
    ['a floating major tag says nothing', variant({ 1: 'FROM python:3-slim' }), []],
    [
      'flags and a stage name',
      variant({ 1: 'FROM --platform=linux/amd64 python:3.13-slim AS app' }),
      [],
    ],
    [
      'an ARG default is expanded',
      variant({ 1: 'ARG PY=3.8\nFROM python:${PY}-slim' }),
      [['base-image-eol', 2]],
    ],
    [
      'an ARG without a default is left alone',
      variant({ 1: 'ARG PY\nFROM python:${PY}-slim' }),
      [],
    ],
    [
      '3.11 before its end (month precision)',
      variant({ 1: 'FROM python:3.11' }),
      [],
      { today: '2027-10-31' },
    ],
    [
      '3.11 after its end',
      variant({ 1: 'FROM python:3.11' }),
      [['base-image-eol', 1]],
      { today: '2027-11-01' },
    ],
    ['3.9 on its last day', variant({ 1: 'FROM python:3.9' }), [], { today: '2025-10-31' }],
    [
      'a malformed today falls back to the table date',
      variant({ 1: 'FROM python:3.10' }),
      [['base-image-eol', 1]],
      { today: 'soon' },
    ],
    [
      'a later stage FROM the first one',
      `${variant({})}FROM python:3.8 AS old\n`,
      [
        ['base-image-eol', 8],
        ['cmd-missing', 8],
      ],
    ],
  ])('%s', (_label, text, expected, options) => {
    expect(ids(text, options)).toEqual(expected);
  });
});

describe('working directory', () => {
  it.each<[string, string, Expected]>([
    ['relative WORKDIR', variant({ 2: 'WORKDIR demo' }), [['workdir-relative', 2]]],
    [
      'a variable WORKDIR is not judged',
      variant({ 2: 'ENV HOME_DIR=/demo\nWORKDIR $HOME_DIR' }),
      [],
    ],
    [
      'COPY . . without WORKDIR',
      'FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 8000\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n',
      [
        ['workdir-missing', 2],
        ['dockerignore-unknown', 4],
      ],
    ],
    [
      'a ./ path in RUN before any WORKDIR',
      variant({ 2: 'RUN ./setup.sh' }),
      [
        ['workdir-missing', 2],
        ['app-path-not-copied', 7],
      ],
    ],
    [
      'absolute paths and no WORKDIR: the app is looked for in /',
      variant({ 2: '' }),
      [['app-path-not-copied', 7]],
    ],
    [
      'a WORKDIR from an earlier stage carries over',
      `FROM python:3.13-slim AS base\nWORKDIR /demo\nFROM base\nCOPY ./app ./app\n${CMD}\nEXPOSE 8000\n`,
      [],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('layer order and pip', () => {
  it.each<[string, string, Expected]>([
    [
      'COPY . . before the install',
      'FROM python:3.13-slim\nWORKDIR /demo\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nEXPOSE 8000\n' +
        CMD,
      [
        ['install-after-source', 3],
        ['dockerignore-unknown', 3],
      ],
    ],
    [
      'the code copied between requirements and install',
      variant({ 3: 'COPY ./app /demo/app\nCOPY ./requirements.txt /demo/requirements.txt', 5: '' }),
      [['install-after-source', 3]],
    ],
    [
      'manifests only before the install',
      variant({ 3: 'COPY requirements.txt pyproject.toml /demo/' }),
      [],
    ],
    [
      'installing the project itself needs its code',
      'FROM python:3.13-slim\nWORKDIR /demo\nCOPY . .\nRUN pip install --no-cache-dir .\nEXPOSE 8000\n' +
        CMD,
      [['dockerignore-unknown', 3]],
    ],
    [
      'no --no-cache-dir',
      variant({ 4: 'RUN pip install -r /demo/requirements.txt' }),
      [['pip-no-cache-dir', 4]],
    ],
    [
      'python -m pip',
      variant({ 4: 'RUN python3 -m pip install --upgrade -r /demo/requirements.txt' }),
      [['pip-no-cache-dir', 4]],
    ],
    [
      'PIP_NO_CACHE_DIR in ENV',
      variant({ 4: 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install -r /demo/requirements.txt' }),
      [],
    ],
    [
      'PIP_NO_CACHE_DIR on the command',
      variant({ 4: 'RUN PIP_NO_CACHE_DIR=1 pip install -r /demo/requirements.txt' }),
      [],
    ],
    [
      'a cache mount keeps the cache out of the layer',
      variant({
        4: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r /demo/requirements.txt',
      }),
      [],
    ],
    [
      'uv has its own cache',
      variant({ 4: 'RUN uv pip install --system -r /demo/requirements.txt' }),
      [],
    ],
    [
      'upgrading pip first is fine',
      variant({
        4: 'RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -r /demo/requirements.txt',
      }),
      [],
    ],
    [
      'packages named inline',
      variant({ 4: 'RUN pip install --no-cache-dir fastapi "uvicorn[standard]"' }),
      [['pip-inline-packages', 4]],
    ],
    [
      'exec-form RUN',
      variant({ 4: 'RUN ["pip", "install", "-r", "/demo/requirements.txt"]' }),
      [['pip-no-cache-dir', 4]],
    ],
    [
      'a heredoc RUN',
      variant({ 4: 'RUN <<EOF\npip install -r /demo/requirements.txt\nEOF' }),
      [['pip-no-cache-dir', 4]],
    ],
    [
      'a continued RUN reports its first line',
      variant({
        4: 'RUN apt-get update \\\n    # tools first\n    && pip install -r /demo/requirements.txt',
      }),
      [['pip-no-cache-dir', 4]],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('build context and ADD', () => {
  const copyAll =
    'FROM python:3.13-slim\nWORKDIR /demo\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nEXPOSE 8000\n' +
    CMD;
  it.each<[string, string, AnalyseOptions | undefined, Expected]>([
    ['no word on .dockerignore', copyAll, undefined, [['dockerignore-unknown', 5]]],
    ['.dockerignore known absent', copyAll, { dockerignore: null }, [['dockerignore-missing', 5]]],
    [
      'a good .dockerignore',
      copyAll,
      { dockerignore: '.venv\n__pycache__\nDockerfile\n.dockerignore\n' },
      [],
    ],
    [
      'one that forgets the Dockerfile',
      copyAll,
      { dockerignore: '.venv/\n*.pyc\n' },
      [['dockerignore-incomplete', 5]],
    ],
    ['an empty one', copyAll, { dockerignore: '' }, [['dockerignore-incomplete', 5]]],
    ['no COPY . . needs no .dockerignore', variant({}), { dockerignore: null }, []],
    [
      'ADD of local files',
      variant({ 5: 'ADD ./app /demo/app' }),
      undefined,
      [['add-instead-of-copy', 5]],
    ],
    [
      'ADD of a URL',
      variant({ 5: 'ADD https://example.com/app.py /demo/app/main.py\nCOPY ./app /demo/app' }),
      undefined,
      [],
    ],
    [
      'ADD of a tar archive',
      variant({ 5: 'ADD app.tar.gz /demo/\nCOPY ./app /demo/app' }),
      undefined,
      [],
    ],
  ])('%s', (_label, text, options, expected) => {
    expect(ids(text, options)).toEqual(expected);
  });
});

describe('CMD and ENTRYPOINT', () => {
  it.each<[string, string, Expected]>([
    [
      'shell form',
      variant({ 7: 'CMD uvicorn app.main:app --host 0.0.0.0 --port 8000' }),
      [['cmd-shell-form', 7]],
    ],
    [
      'shell form that execs',
      variant({ 7: 'CMD exec uvicorn app.main:app --host 0.0.0.0 --port 8000' }),
      [],
    ],
    [
      'shell-form ENTRYPOINT',
      variant({ 7: 'ENTRYPOINT uvicorn app.main:app --host 0.0.0.0' }),
      [['entrypoint-shell-form', 7]],
    ],
    [
      'single quotes are not JSON',
      variant({ 7: "CMD ['uvicorn', 'app.main:app', '--host', '0.0.0.0']" }),
      [['invalid-json-form', 7]],
    ],
    [
      'an unclosed bracket',
      variant({ 7: 'CMD ["uvicorn", "app.main:app"' }),
      [['invalid-json-form', 7]],
    ],
    [
      'a RUN that is not JSON',
      variant({ 4: "RUN ['pip', 'install', '-r', '/demo/requirements.txt']" }),
      [['invalid-json-form', 4]],
    ],
    ['two CMDs', variant({ 6: 'CMD ["python3"]\nEXPOSE 8000' }), [['cmd-multiple', 6]]],
    [
      'three CMDs',
      variant({ 6: 'CMD ["a"]\nCMD ["b"]\nEXPOSE 8000' }),
      [
        ['cmd-multiple', 6],
        ['cmd-multiple', 7],
      ],
    ],
    ['no CMD', variant({ 7: '' }), [['cmd-missing', 6]]],
    [
      'a CMD only in an earlier stage still counts',
      `FROM python:3.13-slim AS base\n${CMD}\nFROM base\nWORKDIR /demo\nCOPY ./app /demo/app\nEXPOSE 8000\n`,
      [],
    ],
    [
      'exec form with a variable',
      variant({ 7: 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "$PORT"]' }),
      [['exec-form-variable', 7]],
    ],
    [
      'sh -c expands its own variables',
      variant({
        6: 'ENV PORT=8000\nEXPOSE 8000',
        7: 'CMD ["sh", "-c", "exec uvicorn app.main:app --host 0.0.0.0 --port $PORT"]',
      }),
      [],
    ],
    [
      'ENTRYPOINT and CMD together',
      variant({
        7: 'ENTRYPOINT ["uvicorn"]\nCMD ["app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
      }),
      [],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('the server', () => {
  it.each<[string, string, Expected]>([
    [
      'no --host',
      variant({ 7: 'CMD ["uvicorn", "app.main:app", "--port", "8000"]' }),
      [['server-host-missing', 7]],
    ],
    [
      '--host 127.0.0.1',
      variant({ 7: 'CMD ["uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", "8000"]' }),
      [['server-host-loopback', 7]],
    ],
    [
      '--host=localhost in shell form',
      variant({ 7: 'CMD uvicorn app.main:app --host=localhost' }),
      [
        ['cmd-shell-form', 7],
        ['server-host-loopback', 7],
      ],
    ],
    [
      'UVICORN_HOST=127.0.0.1 in ENV',
      variant({
        6: 'ENV UVICORN_HOST=127.0.0.1\nEXPOSE 8000',
        7: 'CMD ["uvicorn", "app.main:app"]',
      }),
      [['server-host-loopback', 8]],
    ],
    [
      'UVICORN_HOST in ENV',
      variant({ 6: 'ENV UVICORN_HOST=0.0.0.0\nEXPOSE 8000', 7: 'CMD ["uvicorn", "app.main:app"]' }),
      [],
    ],
    [
      'python -m uvicorn',
      variant({
        7: 'CMD ["python", "-m", "uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
      }),
      [],
    ],
    [
      '--reload',
      variant({
        7: 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--reload"]',
      }),
      [['server-reload', 7]],
    ],
    [
      'fastapi dev',
      variant({ 7: 'CMD ["fastapi", "dev", "app/main.py"]' }),
      [
        ['server-host-missing', 7],
        ['server-reload', 7],
      ],
    ],
    [
      'fastapi run listens on 0.0.0.0:8000',
      variant({ 7: 'CMD ["fastapi", "run", "app/main.py"]' }),
      [],
    ],
    [
      'fastapi run on port 80 against EXPOSE 8000',
      variant({ 7: 'CMD ["fastapi", "run", "app/main.py", "--port", "80"]' }),
      [['port-mismatch', 7]],
    ],
    ['EXPOSE 80 against --port 8000', variant({ 6: 'EXPOSE 80' }), [['port-mismatch', 7]]],
    ['EXPOSE with a range and a protocol', variant({ 6: 'EXPOSE 8000-8001/tcp 53/udp' }), []],
    ['EXPOSE with an unknown variable is not judged', variant({ 6: 'EXPOSE $APP_PORT' }), []],
    ['no EXPOSE', variant({ 6: '' }), [['expose-missing', 7]]],
    [
      'PORT from ENV in shell form',
      variant({
        6: 'ENV PORT=9000\nEXPOSE 8000',
        7: 'CMD exec uvicorn app.main:app --host 0.0.0.0 --port $PORT',
      }),
      [['port-mismatch', 8]],
    ],
    [
      'gunicorn is not judged',
      variant({ 7: 'CMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "app.main:app"]' }),
      [],
    ],
    [
      'the folder contents copied one level up',
      variant({ 5: 'COPY ./app /demo' }),
      [['app-path-not-copied', 5]],
    ],
    [
      'the code copied elsewhere',
      variant({ 5: 'COPY ./app /code/app' }),
      [['app-path-not-copied', 7]],
    ],
    [
      'a file path for fastapi run that was not copied',
      variant({ 7: 'CMD ["fastapi", "run", "main.py"]' }),
      [['app-path-not-copied', 7]],
    ],
    [
      'a single module copied as a file',
      variant({
        5: 'COPY main.py .',
        7: 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]',
      }),
      [],
    ],
    [
      'a RUN that moves files makes the path unknowable',
      variant({ 5: 'COPY ./app /code/app\nRUN cp -r /code/app /demo/app' }),
      [],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('structure', () => {
  it.each<[string, string, Expected]>([
    [
      'a misspelt instruction',
      'FROM python:3.13-slim\nCOPPY . .\n',
      [
        ['unknown-instruction', 2],
        ['cmd-missing', 2],
      ],
    ],
    [
      'a lost line continuation',
      variant({ 4: 'RUN pip install -r /demo/requirements.txt\n  --no-cache-dir' }),
      [
        ['pip-no-cache-dir', 4],
        ['unknown-instruction', 5],
      ],
    ],
    ['COPY with one argument', variant({ 3: 'COPY requirements.txt' }), [['missing-arguments', 3]]],
    [
      'FROM with two arguments',
      variant({ 1: 'FROM python:3.13-slim AS' }),
      [['missing-arguments', 1]],
    ],
    [
      'EXPOSE alone',
      variant({ 6: 'EXPOSE' }),
      [
        ['missing-arguments', 6],
        ['expose-missing', 7],
      ],
    ],
    [
      'a comment after the port on the EXPOSE line',
      variant({ 6: 'EXPOSE 8000 # the port uvicorn listens on' }),
      [['expose-invalid', 6]],
    ],
    [
      'EXPOSE with a protocol Docker does not know',
      variant({ 6: 'EXPOSE 8000/http' }),
      [['expose-invalid', 6]],
    ],
    [
      'EXPOSE with a variable the analysis cannot read',
      `ARG PORT\n${variant({ 6: 'EXPOSE $PORT' })}`,
      [],
    ],
    ['RUN before FROM', `RUN echo hi\n${variant({})}`, [['no-from', 1]]],
    ['ARG before FROM is allowed', `ARG X=1\n${variant({})}`, []],
    [
      'lower-case instructions are instructions',
      variant({}).replace(/^[A-Z]+/gm, (k) => k.toLowerCase()),
      [],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});
