/** The exact words a learner reads for the key diagnoses: changing them is a decision, not an accident. */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/docker-output/index.ts';
import { fixture } from './fixtures.ts';

interface Pinned {
  fixture: string;
  id: string;
  line: number;
  message: string;
  hint?: RegExp;
}

const PINNED: Pinned[] = [
  {
    fixture: 'lab/build-run-failed-plain',
    id: 'build-run-failed',
    line: 40,
    message:
      'The build failed at step [4/5] RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt: the command exited with code 1.',
    hint: /^Read the log lines just above this error/,
  },
  {
    fixture: 'lab/build-copy-missing-plain',
    id: 'build-copy-missing',
    line: 29,
    message:
      'The build failed at step [3/5] COPY ./requirements.txt /demo/requirements.txt: requirements.txt is not in the build context.',
    hint: /or \.dockerignore excludes it/,
  },
  {
    fixture: 'lab/build-no-dockerfile-plain',
    id: 'build-no-dockerfile',
    line: 6,
    message: 'Docker found no Dockerfile in the build context.',
    hint: /-f path\/to\/Dockerfile/,
  },
  {
    fixture: 'lab/build-parse-error-legacy',
    id: 'build-dockerfile-syntax',
    line: 6,
    message: 'The Dockerfile has a syntax error on line 11: unknown instruction RUNN.',
  },
  {
    fixture: 'lab/build-expose-comment-plain',
    id: 'build-expose-invalid',
    line: 13,
    message:
      'The build stopped at EXPOSE: Docker read the "#" of a comment after the port as another port.',
    hint: /^A # starts a comment only at the beginning of a line/,
  },
  {
    fixture: 'lab/build-expose-comment-legacy',
    id: 'build-expose-invalid',
    line: 21,
    message:
      'The build stopped at EXPOSE: Docker read the "#" of a comment after the port as another port.',
  },
  {
    fixture: 'lab/build-base-missing-plain',
    id: 'build-base-image',
    line: 16,
    message: 'The base image pythn:3.13-slim could not be pulled.',
    hint: /Check the FROM line/,
  },
  {
    fixture: 'lab/build-first-legacy',
    id: 'legacy-builder',
    line: 1,
    message: 'This build used the legacy builder, which Docker has deprecated.',
  },
  {
    fixture: 'lab/build-bad-order-plain',
    id: 'deps-reinstalled',
    line: 27,
    message:
      'The dependency install [4/4] RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt ran again because [3/4] COPY . /demo before it copies the whole project: any code change invalidates it.',
    hint: /^Copy requirements\.txt on its own/,
  },
  {
    fixture: 'lab/build-app-edit-plain',
    id: 'build-ok',
    line: 37,
    message: 'The build succeeded and tagged demo-image:latest: 3 of 5 steps came from the cache.',
  },
  {
    fixture: 'lab/run-port-allocated',
    id: 'run-port-allocated',
    line: 2,
    message: 'Host port 8000 is already taken by another container.',
    hint: /^Find it with docker ps, then stop it \(docker stop <name>\) or publish on another host port, e\.g\. -p 8081:8000\./,
  },
  {
    fixture: 'lab/run-address-in-use',
    id: 'run-address-in-use',
    line: 2,
    message: 'Host port 18190 is already in use by a program on your machine (not by a container).',
  },
  {
    fixture: 'lab/run-image-not-found',
    id: 'run-image-not-found',
    line: 2,
    message: 'Docker could not find the image demo-imag:latest on this machine or in the registry.',
  },
  {
    fixture: 'lab/run-exec-not-found',
    id: 'run-executable-not-found',
    line: 1,
    message: "The container's command uvicornx does not exist in the image.",
    hint: /names a program the image lacks/,
  },
  {
    fixture: 'lab/run-exec-format',
    id: 'run-exec-format',
    line: 1,
    message: "The container's program cannot be executed here: exec format error.",
    hint: /--platform/,
  },
  {
    fixture: 'lab/run-crlf-script',
    id: 'run-no-such-file',
    line: 1,
    message: "The container's start program could not be run: no such file or directory.",
    hint: /Windows line endings \(CRLF\)/,
  },
  {
    fixture: 'lab/curl-refused',
    id: 'curl-refused',
    line: 4,
    message: 'Nothing answered on that host port: curl (7) could not connect.',
    hint: /container is not running \(docker ps\), its port is not published/,
  },
  {
    fixture: 'lab/curl-reset',
    id: 'curl-no-app',
    line: 4,
    message: 'The port is published, but the app inside the container did not answer (curl (56)).',
    hint: /Start it with --host 0\.0\.0\.0/,
  },
  {
    fixture: 'lab/curl-empty-reply',
    id: 'curl-no-app',
    line: 4,
    message: 'The port is published, but the app inside the container did not answer (curl (52)).',
  },
  {
    fixture: 'lab/logs-uvicorn-loopback',
    id: 'log-loopback',
    line: 4,
    message:
      'The app listens on 127.0.0.1:8000; inside a container that address is reachable only from the container itself.',
    hint: /--host 0\.0\.0\.0/,
  },
  {
    fixture: 'lab/ps-exposed',
    id: 'ps-not-published',
    line: 2,
    message: 'fx-exposed is running but publishes no port (8000 is only exposed).',
  },
  {
    fixture: 'lab/curl-head',
    id: 'curl-405',
    line: 1,
    message:
      'The app answered 405 Method Not Allowed: curl -I sends a HEAD request, and the route accepts GET only.',
  },
];

describe('pinned diagnosis wording', () => {
  it.each(PINNED.map((p) => [`${p.fixture} ${p.id}`, p] as const))('%s', (_, p) => {
    const found = explain(fixture(p.fixture).text).findings.find((f) => f.id === p.id);
    expect(found, `no ${p.id}`).toBeDefined();
    expect(found!.message).toBe(p.message);
    expect(found!.line).toBe(p.line);
    if (p.hint) expect(found!.hint).toMatch(p.hint);
  });
});
