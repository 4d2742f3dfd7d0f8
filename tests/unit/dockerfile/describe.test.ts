/** describe(): the final image as the Dockerfile sets it up, compared with what the engine built. */
import { describe, expect, it } from 'vitest';
import {
  describe as describeDockerfile,
  type DockerfileSummary,
} from '../../../src/core/dockerfile/index.ts';
import { fixture, projectFile } from './fixtures.ts';

const engine = JSON.parse(fixture('engine/config-cmd.json')) as {
  cmd: Record<string, string[]>;
  workingDir: Record<string, string>;
};

describe('describe', () => {
  it("summarises the course's Dockerfile", () => {
    expect(
      describeDockerfile(projectFile('content/workspace/solution/Dockerfile')),
    ).toEqual<DockerfileSummary>({
      recognized: true,
      baseImage: 'python:3.14-slim',
      stages: 1,
      workdir: '/demo',
      copies: [
        {
          line: 8,
          instruction: 'COPY',
          sources: ['./requirements.txt'],
          dest: '/demo/requirements.txt',
          from: null,
        },
        { line: 14, instruction: 'COPY', sources: ['./app'], dest: '/demo/app', from: null },
      ],
      runs: [
        {
          line: 11,
          form: 'shell',
          command: 'pip install --no-cache-dir --upgrade -r /demo/requirements.txt',
        },
      ],
      cmd: ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'],
      cmdForm: 'exec',
      entrypoint: null,
      exposed: [8000],
      server: 'uvicorn',
      serverHost: '0.0.0.0',
      serverPort: 8000,
      app: 'app.main:app',
    });
  });

  it.each(Object.keys(engine.cmd))('gives the Config.Cmd the engine gave %s.Dockerfile', (name) => {
    expect(describeDockerfile(fixture(`engine/${name}.Dockerfile`)).cmd).toEqual(engine.cmd[name]);
  });

  it.each(Object.keys(engine.workingDir))(
    'gives the WorkingDir the engine gave %s.Dockerfile',
    (name) => {
      expect(describeDockerfile(fixture(`engine/${name}.Dockerfile`)).workdir ?? '').toBe(
        engine.workingDir[name],
      );
    },
  );

  it.each<[string, string, Partial<DockerfileSummary>]>([
    [
      'a build stage and a final stage',
      'FROM python:3.13 AS build\nRUN pip wheel -w /wheels fastapi\nFROM python:3.13-slim\nCOPY --from=build /wheels /wheels\nCMD ["python3"]\n',
      {
        baseImage: 'python:3.13-slim',
        stages: 2,
        copies: [
          { line: 4, instruction: 'COPY', sources: ['/wheels'], dest: '/wheels', from: 'build' },
        ],
        runs: [],
        cmd: ['python3'],
        server: null,
      },
    ],
    [
      'a final stage built FROM an earlier one',
      'FROM python:3.12-slim AS base\nWORKDIR /srv\nEXPOSE 80\nFROM base\nCMD fastapi run --port 80\n',
      {
        baseImage: 'python:3.12-slim',
        workdir: '/srv',
        exposed: [80],
        cmd: ['/bin/sh', '-c', 'fastapi run --port 80'],
        cmdForm: 'shell',
        server: 'fastapi-run',
        serverHost: '0.0.0.0',
        serverPort: 80,
      },
    ],
    [
      'ENTRYPOINT with CMD as its arguments',
      'FROM python:3.13-slim\nENTRYPOINT ["uvicorn"]\nCMD ["app.main:app", "--host", "0.0.0.0"]\n',
      {
        entrypoint: ['uvicorn'],
        cmd: ['app.main:app', '--host', '0.0.0.0'],
        server: 'uvicorn',
        serverHost: '0.0.0.0',
        serverPort: 8000,
        app: 'app.main:app',
      },
    ],
    [
      'an ENTRYPOINT clears a CMD from an earlier stage',
      'FROM python:3.13-slim AS base\nCMD ["app.main:app"]\nFROM base\nENTRYPOINT ["uvicorn"]\n',
      { entrypoint: ['uvicorn'], cmd: null, server: 'uvicorn', app: null },
    ],
    [
      'ARG and ENV values in paths and ports',
      'ARG APP_DIR=/srv/app\nFROM python:3.13-slim\nARG APP_DIR\nENV PORT=9000\nWORKDIR $APP_DIR\nCOPY . ${APP_DIR}/\nEXPOSE $PORT\n',
      {
        workdir: '/srv/app',
        copies: [{ line: 6, instruction: 'COPY', sources: ['.'], dest: '/srv/app', from: null }],
        exposed: [9000],
      },
    ],
  ])('%s', (_label, text, expected) => {
    expect(describeDockerfile(text)).toMatchObject(expected);
  });

  it.each<[string, string]>([
    ['empty text', ''],
    ['Python code', 'from fastapi import FastAPI\napp = FastAPI()\n'],
    ['an instruction with no FROM', 'RUN echo hi\n'],
  ])('has nothing to say about %s', (_label, text) => {
    expect(describeDockerfile(text)).toMatchObject({
      baseImage: null,
      stages: 0,
      cmd: null,
      copies: [],
    });
  });
});
