/** Each exercise against real pasted output: the verdict, and which checks fail. */
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';
import { fixture } from './fixture.ts';

type Row = [
  fixture: string,
  exercise: string,
  status: 'pass' | 'fail' | 'unrecognized',
  failing: string[],
];

const ROWS: Row[] = [
  // docker-answers (more in docker-answers.test.ts): an engine answers, or why none did
  ['lab/version', 'docker-answers', 'pass', []],
  ['lab/info', 'docker-answers', 'pass', []],
  ['lab/version-no-engine', 'docker-answers', 'fail', ['engine-answers', 'engine-recent']],
  ['lab/version-permission-denied', 'docker-answers', 'fail', ['engine-answers', 'engine-recent']],
  // first-build: plain, tty and legacy output of the same successful build
  ['lab/build-first-plain', 'first-build', 'pass', []],
  ['lab/build-first-tty-80', 'first-build', 'pass', []],
  ['lab/build-first-tty-120', 'first-build', 'pass', []],
  ['lab/build-first-legacy', 'first-build', 'pass', []],
  ['lab/build-ten-steps-plain', 'first-build', 'pass', []],
  ['lab/build-multistage-plain', 'first-build', 'pass', []],
  [
    'lab/build-run-failed-plain',
    'first-build',
    'fail',
    ['build-succeeded', 'tagged', 'steps-reported'],
  ],
  [
    'lab/build-copy-missing-tty-80',
    'first-build',
    'fail',
    ['build-succeeded', 'tagged', 'steps-reported'],
  ],
  [
    'lab/build-no-dockerfile-plain',
    'first-build',
    'fail',
    ['build-succeeded', 'tagged', 'steps-reported'],
  ],
  [
    'lab/build-base-missing-legacy',
    'first-build',
    'fail',
    ['build-succeeded', 'tagged', 'steps-reported'],
  ],
  [
    'public/podman-build-run-failed',
    'first-build',
    'fail',
    ['build-succeeded', 'tagged', 'steps-reported'],
  ],
  // cached-rebuild: the right rebuild, and each way it goes wrong
  ['lab/build-app-edit-plain', 'cached-rebuild', 'pass', []],
  ['lab/build-bad-order-plain', 'cached-rebuild', 'fail', ['install-cached']],
  ['lab/build-bad-order-legacy', 'cached-rebuild', 'fail', ['install-cached']],
  ['lab/build-cached-plain', 'cached-rebuild', 'fail', ['source-rebuilt']],
  ['lab/build-cached-tty-120', 'cached-rebuild', 'fail', ['source-rebuilt']],
  ['lab/build-cached-legacy', 'cached-rebuild', 'fail', ['source-rebuilt']],
  ['lab/build-first-plain', 'cached-rebuild', 'fail', ['install-cached']],
  ['lab/build-multistage-plain', 'cached-rebuild', 'fail', ['install-cached']],
  // image-listed
  ['lab/images', 'image-listed', 'pass', []],
  ['lab/image-ls', 'image-listed', 'pass', []],
  ['public/docker29-images-tree', 'image-listed', 'fail', ['image-listed']],
  // container-running: every PORTS form
  ['lab/ps', 'container-running', 'pass', []],
  ['lab/ps-published', 'container-running', 'pass', []],
  ['lab/ps-loopback', 'container-running', 'pass', []],
  ['lab/ps-random', 'container-running', 'pass', []],
  ['lab/ps-publish-all', 'container-running', 'pass', []],
  ['lab/ps-exposed', 'container-running', 'fail', ['port-published']],
  ['lab/ps-wrong-port', 'container-running', 'fail', ['port-published']],
  // app-reachable: success, and every curl failure the course meets
  ['lab/curl-ok', 'app-reachable', 'pass', []],
  ['lab/curl-i', 'app-reachable', 'pass', []],
  ['lab/curl-verbose', 'app-reachable', 'pass', []],
  ['lab/curl-refused', 'app-reachable', 'fail', ['connected', 'status-ok', 'body']],
  ['public/curl8-refused', 'app-reachable', 'fail', ['connected', 'status-ok', 'body']],
  ['lab/curl-reset', 'app-reachable', 'fail', ['connected', 'status-ok', 'body']],
  ['lab/curl-empty-reply', 'app-reachable', 'fail', ['connected', 'status-ok', 'body']],
  ['lab/curl-timeout', 'app-reachable', 'fail', ['connected', 'status-ok', 'body']],
  ['lab/curl-resolve', 'app-reachable', 'fail', ['connected', 'status-ok', 'body']],
  ['lab/curl-404', 'app-reachable', 'fail', ['status-ok', 'body']],
  ['lab/curl-head', 'app-reachable', 'fail', ['status-ok', 'body']],
  ['lab/curl-ok', 'demo-app-runs', 'pass', []],
  ['lab/curl-refused', 'demo-app-runs', 'fail', ['connected', 'status-ok', 'body']],
  // some other command's output
  ['lab/ps', 'first-build', 'unrecognized', ['input']],
  ['lab/build-first-plain', 'container-running', 'unrecognized', ['input']],
  ['lab/history-buildkit', 'cached-rebuild', 'unrecognized', ['input']],
  ['lab/logs-uvicorn', 'app-reachable', 'unrecognized', ['input']],
  ['lab/run-port-allocated', 'container-running', 'unrecognized', ['input']],
];

describe('verdicts on real pasted output', () => {
  it.each(ROWS)('%s as %s → %s %j', (name, exercise, status, failing) => {
    const verdict = check(exercise, { source: 'paste', text: fixture(name) });
    expect(verdict.status).toBe(status);
    expect(verdict.evidence).toBe('paste');
    expect(verdict.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(failing);
  });
});

describe('what the learner reads', () => {
  const failing = (name: string, exercise: string) =>
    check(exercise, { source: 'paste', text: fixture(name) }).checks.find((c) => !c.ok)!;

  it('names the wrong order as the reason the install re-ran, at the line of the early COPY', () => {
    const text = fixture('lab/build-bad-order-plain');
    const c = failing('lab/build-bad-order-plain', 'cached-rebuild');
    expect(c.message).toContain('the application code is copied at [3/4], before the install');
    expect(text.split('\n')[c.line! - 1]).toContain('[3/4] COPY . /demo');
  });

  it('says which URL to open for a published container', () => {
    const v = check('container-running', { source: 'paste', text: fixture('lab/ps-published') });
    expect(v.checks.find((c) => c.id === 'port-published')?.message).toMatch(
      /open http:\/\/localhost:\d+\//,
    );
  });

  it('explains a reset as the app listening on 127.0.0.1 inside the container', () => {
    const c = failing('lab/curl-reset', 'app-reachable');
    expect(c.message).toMatch(
      /^curl connected, but the connection was reset before any answer at http:\/\/localhost:\d+\/? \(curl exit code 56\)\.$/,
    );
    expect(c.hint).toContain('--host 0.0.0.0');
  });

  it('explains an exposed-only port as not published, with the fix', () => {
    const c = failing('lab/ps-exposed', 'container-running');
    expect(c.message).toBe(
      'Port 8000 is only exposed (PORTS shows 8000/tcp), not published: nothing on your machine leads to it.',
    );
    expect(c.hint).toContain('-p 8000:8000');
  });

  it("says what it saw when the paste is another command's output", () => {
    const v = check('first-build', { source: 'paste', text: fixture('lab/ps') });
    expect(v.checks[0]?.message).toBe(
      'This looks like the output of docker ps. This exercise reads the output of docker build.',
    );
    expect(v.checks[0]?.hint).toBe(
      'Run docker build -t demo-image:latest . and paste everything it printed.',
    );
  });
});
