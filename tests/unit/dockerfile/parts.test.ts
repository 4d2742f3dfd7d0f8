/** The small readers the rules are built from, each as a table. */
import { describe, expect, it } from 'vitest';
import {
  joinContinuations,
  readDockerfile,
  type Step,
} from '../../../src/core/dockerfile/model.ts';
import { findPipInstalls } from '../../../src/core/dockerfile/pip-install.ts';
import { endedOn, pythonSeries } from '../../../src/core/dockerfile/python-releases.ts';
import { findServer, serverAddress } from '../../../src/core/dockerfile/server-command.ts';
import { needsShell, splitCommands, toExecForm } from '../../../src/core/text/index.ts';

function runStep(run: string): Step {
  const step = readDockerfile(`FROM python:3.13-slim\n${run}\n`).stages[0]?.steps[0];
  if (!step) throw new Error(`no step in ${run}`);
  return step;
}

describe('joinContinuations', () => {
  it.each<[string, string, string]>([
    [
      'uvicorn app.main:app --host 0.0.0.0 \\\n    --port 8000',
      '\\',
      'uvicorn app.main:app --host 0.0.0.0     --port 8000',
    ],
    [
      'apt-get update \\\n  # a comment\n\n  && pip install x',
      '\\',
      'apt-get update   && pip install x',
    ],
    ['a \\\r\n b', '\\', 'a  b'],
    ['a `\n b', '`', 'a  b'],
    ['<<EOF\npip install x\nEOF', '\\', '<<EOF\npip install x\nEOF'],
    ['# not a comment on the first line', '\\', '# not a comment on the first line'],
  ])('%j', (raw, escape, expected) => {
    expect(joinContinuations(raw, escape)).toBe(expected);
  });
});

describe('splitCommands', () => {
  it.each<[string, string[][]]>([
    ['uvicorn app.main:app --port 8000', [['uvicorn', 'app.main:app', '--port', '8000']]],
    [
      'cd /demo && uvicorn app.main:app',
      [
        ['cd', '/demo'],
        ['uvicorn', 'app.main:app'],
      ],
    ],
    ['a; b || c | d & e', [['a'], ['b'], ['c'], ['d'], ['e']]],
    [
      `pip install "fastapi[standard]" 'uvicorn==0.32.0'`,
      [['pip', 'install', 'fastapi[standard]', 'uvicorn==0.32.0']],
    ],
    ['echo "a \\"quoted\\" \\$HOME" it\\ is', [['echo', 'a "quoted" $HOME', 'it is']]],
    ['echo "" x', [['echo', '', 'x']]],
    ['run # a comment && not a command', [['run']]],
    ['echo a#b', [['echo', 'a#b']]],
    ['sh -c "unclosed', [['sh', '-c', 'unclosed']]],
    ["it's open", [['its open']]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(splitCommands(text)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['uvicorn app.main:app --host 0.0.0.0', false],
    ['uvicorn --port $PORT', true],
    ['cd /x && uvicorn', true],
    ['python -c "print(1)"', true],
  ])('needsShell(%j) is %s', (text, expected) => {
    expect(needsShell(text)).toBe(expected);
  });

  it('writes exec form with JSON quoting', () => {
    expect(toExecForm(['echo', 'say "hi"', 'a\\b'])).toBe('["echo", "say \\"hi\\"", "a\\\\b"]');
  });
});

describe('findPipInstalls', () => {
  it.each<
    [
      string,
      {
        tool: string;
        requirementFiles: string[];
        packages: string[];
        installsLocal: boolean;
        noCacheDir: boolean;
      }[],
    ]
  >([
    [
      'RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt',
      [
        {
          tool: 'pip',
          requirementFiles: ['/demo/requirements.txt'],
          packages: [],
          installsLocal: false,
          noCacheDir: true,
        },
      ],
    ],
    [
      'RUN pip3 install --requirement=req.txt -c constraints.txt',
      [
        {
          tool: 'pip',
          requirementFiles: ['req.txt'],
          packages: [],
          installsLocal: false,
          noCacheDir: false,
        },
      ],
    ],
    [
      'RUN python3.13 -m pip install -rreq.txt fastapi==0.115.11',
      [
        {
          tool: 'pip',
          requirementFiles: ['req.txt'],
          packages: ['fastapi==0.115.11'],
          installsLocal: false,
          noCacheDir: false,
        },
      ],
    ],
    [
      'RUN pip install -U pip setuptools wheel',
      [
        {
          tool: 'pip',
          requirementFiles: [],
          packages: [],
          installsLocal: false,
          noCacheDir: false,
        },
      ],
    ],
    [
      'RUN pip install -e . && pip install ./dist/app-1.0-py3-none-any.whl',
      [
        { tool: 'pip', requirementFiles: [], packages: [], installsLocal: true, noCacheDir: false },
        { tool: 'pip', requirementFiles: [], packages: [], installsLocal: true, noCacheDir: false },
      ],
    ],
    [
      'RUN pip install -i https://pypi.example/simple fastapi',
      [
        {
          tool: 'pip',
          requirementFiles: [],
          packages: ['fastapi'],
          installsLocal: false,
          noCacheDir: false,
        },
      ],
    ],
    [
      'RUN uv pip install --no-cache --system -r requirements.txt',
      [
        {
          tool: 'uv',
          requirementFiles: ['requirements.txt'],
          packages: [],
          installsLocal: false,
          noCacheDir: true,
        },
      ],
    ],
    [
      'RUN PIP_NO_CACHE_DIR=1 /usr/local/bin/pip install fastapi',
      [
        {
          tool: 'pip',
          requirementFiles: [],
          packages: ['fastapi'],
          installsLocal: false,
          noCacheDir: true,
        },
      ],
    ],
    [
      'RUN ["pip", "install", "-r", "r.txt"]',
      [
        {
          tool: 'pip',
          requirementFiles: ['r.txt'],
          packages: [],
          installsLocal: false,
          noCacheDir: false,
        },
      ],
    ],
    ['RUN pip freeze > requirements.txt', []],
    ['RUN echo pip install fastapi', []],
    ['CMD pip install fastapi', []],
  ])('%s', (run, expected) => {
    expect(findPipInstalls(runStep(run))).toEqual(expected);
  });
});

describe('findServer and serverAddress', () => {
  it.each<
    [
      string[],
      Record<string, string>,
      {
        kind: string;
        host: string | null;
        port: number | null;
        reload: boolean;
        app: string | null;
      } | null,
    ]
  >([
    [
      ['uvicorn', 'app.main:app'],
      {},
      { kind: 'uvicorn', host: '127.0.0.1', port: 8000, reload: false, app: 'app.main:app' },
    ],
    [
      ['uvicorn', '--host=0.0.0.0', '--port=9000', 'app.main:app'],
      {},
      { kind: 'uvicorn', host: '0.0.0.0', port: 9000, reload: false, app: 'app.main:app' },
    ],
    [
      ['uvicorn', '--log-level', 'debug', 'app.main:app', '--reload'],
      {},
      { kind: 'uvicorn', host: '127.0.0.1', port: 8000, reload: true, app: 'app.main:app' },
    ],
    [
      ['uvicorn', 'app.main:app'],
      { UVICORN_HOST: '0.0.0.0', UVICORN_PORT: '9000' },
      { kind: 'uvicorn', host: '0.0.0.0', port: 9000, reload: false, app: 'app.main:app' },
    ],
    [
      ['/usr/local/bin/python3', '-m', 'uvicorn', 'main:app', '--host', '::'],
      {},
      { kind: 'uvicorn', host: '::', port: 8000, reload: false, app: 'main:app' },
    ],
    [
      ['uvicorn', 'app.main:app', '--uds', '/tmp/app.sock'],
      {},
      { kind: 'uvicorn', host: null, port: null, reload: false, app: 'app.main:app' },
    ],
    [
      ['fastapi', 'run'],
      { PORT: '9000' },
      { kind: 'fastapi-run', host: '0.0.0.0', port: 9000, reload: false, app: null },
    ],
    [
      ['fastapi', 'run', 'app/main.py', '--reload'],
      {},
      { kind: 'fastapi-run', host: '0.0.0.0', port: 8000, reload: true, app: 'app/main.py' },
    ],
    [
      ['fastapi', 'dev', 'app/main.py', '--no-reload'],
      { UVICORN_HOST: '0.0.0.0' },
      { kind: 'fastapi-dev', host: '127.0.0.1', port: 8000, reload: false, app: 'app/main.py' },
    ],
    [
      ['/bin/sh', '-c', 'cd /demo && exec uvicorn app.main:app --port ${PORT:-8080}'],
      {},
      { kind: 'uvicorn', host: '127.0.0.1', port: 8080, reload: false, app: 'app.main:app' },
    ],
    [
      ['/bin/sh', '-c', 'uvicorn app.main:app --port $PORT'],
      { PORT: '8001' },
      { kind: 'uvicorn', host: '127.0.0.1', port: 8001, reload: false, app: 'app.main:app' },
    ],
    [
      ['uvicorn', 'app.main:app', '--port', '$PORT'],
      { PORT: '8001' },
      { kind: 'uvicorn', host: '127.0.0.1', port: null, reload: false, app: 'app.main:app' },
    ],
    [
      ['uvicorn', 'app.main:app', '--port', 'http'],
      {},
      { kind: 'uvicorn', host: '127.0.0.1', port: null, reload: false, app: 'app.main:app' },
    ],
    [['gunicorn', 'app.main:app'], {}, null],
    [['python3'], {}, null],
    [['fastapi', 'app/main.py'], {}, null],
  ])('%j with %j', (argv, env, expected) => {
    const server = findServer(argv);
    const address = server && serverAddress(server, env);
    expect(
      server &&
        address && {
          kind: server.kind,
          host: address.host,
          port: address.port,
          reload: server.reload,
          app: server.app,
        },
    ).toEqual(expected);
  });
});

describe('Python releases', () => {
  it.each<[string, string | null]>([
    ['3.8', '3.8'],
    ['3.8.19-slim-bookworm', '3.8'],
    ['3.10-alpine', '3.10'],
    ['3.13-slim', '3.13'],
    ['2', '2.7'],
    ['2-slim', '2.7'],
    ['3', null],
    ['3-slim', null],
    ['slim', null],
    ['latest', null],
    ['3.13rc1', null],
  ])('pythonSeries(%j) = %j', (tag, expected) => {
    expect(pythonSeries(tag)).toBe(expected);
  });

  it.each<[string, string, string | null]>([
    ['3.8', '2024-10-07', null],
    ['3.8', '2024-10-08', '2024-10-07'],
    ['3.10', '2026-10-31', null],
    ['3.10', '2026-11-01', '2026-10'],
    ['3.13', '2026-11-28', null],
    ['3.15', '2040-01-01', null],
  ])('endedOn(%j, %j) = %j', (series, today, expected) => {
    expect(endedOn(series, today)).toBe(expected);
  });
});
