/**
 * Issue 12's kinds of real output, one table row a fixture: what a right reading says. The
 * held-out set (tests/fixtures/docker-output/heldout) measures the same kinds and is never read here.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/docker-output/index.ts';
import type { Part } from '../../../src/core/docker-output/types.ts';
import { fixture } from './fixtures.ts';

/** The facts a row pins, read from the first part of `kind` (or the first part). */
function facts(p: Part | undefined): Record<string, unknown> {
  if (!p) return {};
  const f: Record<string, unknown> = { kind: p.kind, tool: p.tool };
  if (p.kind === 'build') {
    f['error'] = p.build.error?.kind ?? null;
    f['exitCode'] = p.build.error?.exitCode;
    f['failedStep'] = p.build.steps.find((s) => s.failed)?.index;
  }
  if (p.kind === 'run-error') f['error'] = p.runError.kind;
  if (p.kind === 'run-error') f['port'] = p.runError.port;
  if (p.kind === 'container-log') f['failed'] = p.containerLog.errors.length > 0;
  if (p.kind === 'curl') f['status'] = p.curl.status;
  if (p.kind === 'curl') f['body'] = p.curl.body;
  if (p.kind === 'curl') f['error'] = p.curl.error;
  if ('engine' in p && p.engine) f['engine'] = p.engine.state;
  return f;
}

const CASES: [string, string, Record<string, unknown>, string?][] = [
  // failed builds pasted as a tail
  [
    'tail: ERROR: failed to solve only',
    'public/build-tail-failed-to-solve-exit-2',
    { kind: 'build', error: 'run-failed', exitCode: 2 },
  ],
  [
    'tail: a CI action\u2019s "buildx failed with"',
    'public/build-tail-buildx-cargo',
    { kind: 'build', error: 'run-failed', exitCode: 101 },
  ],
  [
    'tail: Compose v2 without ERROR:',
    'public/build-tail-compose-no-prefix-129',
    { kind: 'build', error: 'run-failed', exitCode: 129 },
  ],
  [
    'tail: a CI job’s annotation, then the job’s own lines',
    'public/actions-buildx-failed-apt-pip-spectre',
    { kind: 'build', error: 'run-failed', exitCode: 1 },
    'build-run-failed',
  ],
  [
    'tail: BuildKit’s error block names the failed step',
    'public/tty-copy-missing-docs',
    { kind: 'build', error: 'copy-source-missing', failedStep: 1 },
  ],
  [
    'tail: build-check warnings, then a parse error (lab)',
    'lab/build-check-warnings-parse-error-plain',
    { kind: 'build', error: 'dockerfile-parse' },
    'build-dockerfile-syntax',
  ],
  [
    'build checks only: docker build --check (lab)',
    'lab/build-check-only',
    { kind: 'build', error: null },
    'build-check-only',
  ],
  // old and other wordings of the same error
  [
    'legacy: The command … returned a non-zero code (lab)',
    'lab/build-run-failed-legacy',
    { kind: 'build', tool: 'docker', error: 'run-failed', exitCode: 1, failedStep: 4 },
    'build-run-failed',
  ],
  [
    'legacy: 2016’s "Step 7 :" and a bare lstat line',
    'public/legacy-2016-step-colon-lstat-tutum',
    { kind: 'build', error: 'copy-source-missing', failedStep: 7 },
    'build-copy-missing',
  ],
  [
    'legacy: lstat under Compose v1, one line',
    'public/compose-v1-lstat-universe',
    { kind: 'build', tool: 'compose', error: 'copy-source-missing' },
  ],
  [
    'legacy: COPY failed after its step line',
    'public/legacy-copy-failed-step-tail',
    { kind: 'build', tool: 'docker', error: 'copy-source-missing', failedStep: 4 },
  ],
  [
    'legacy: COPY failed alone',
    'public/legacy-copy-failed-only-dir',
    { kind: 'build', error: 'copy-source-missing' },
  ],
  [
    'legacy: a tail that stops at the RUN step\u2019s own error (Docker 1.x, no closing line)',
    'public/legacy-1x-run-tail-apt-unable-to-locate',
    { kind: 'build', tool: 'docker', error: 'run-failed', failedStep: 6 },
    'build-run-failed',
  ],
  [
    'legacy: Docker 1.x\u2019s logger line INFO[0000] … returned a non-zero code',
    'public/legacy-1x-info-run-exit-137',
    { kind: 'build', error: 'run-failed', exitCode: 137, failedStep: 1 },
  ],
  [
    'legacy: Docker 1.x\u2019s INFO[0001] stat …: not a directory (ADD onto a file), then a script\u2019s line',
    'public/legacy-step-0-info-not-a-directory',
    { kind: 'build', error: 'other', failedStep: 3 },
    'build-failed',
  ],
  [
    'legacy: Docker 1.x\u2019s FATA[0000] parse error',
    'public/legacy-1x-fata-dockerfile-parse',
    { kind: 'build', error: 'dockerfile-parse' },
  ],
  [
    'BuildKit 0.8: failed to solve with frontend dockerfile.v0, no Dockerfile',
    'public/buildkit-frontend-v0-no-dockerfile',
    { kind: 'build', tool: 'docker', error: 'dockerfile-missing' },
  ],
  [
    'BuildKit 0.8 under Compose: rpc error … failed to solve with frontend dockerfile.v0',
    'public/compose-rpc-frontend-v0-dockerfile-is-directory',
    { kind: 'build', tool: 'compose', error: 'dockerfile-missing' },
  ],
  // who answered: Compose v1 runs, Podman as docker
  [
    'Compose v1: ERROR: for … port is already allocated',
    'public/compose-v1-up-port-allocated-make',
    { kind: 'run-error', tool: 'compose', error: 'port-allocated', port: 80 },
  ],
  [
    'Compose v1: EADDRINUSE',
    'public/compose-v1-up-eaddrinuse',
    { kind: 'run-error', tool: 'compose', error: 'address-in-use', port: 80 },
  ],
  [
    'Compose v2 build (bake), plain (lab)',
    'lab/compose-build-pip-typo-plain',
    { kind: 'build', tool: 'compose', error: 'run-failed', failedStep: 4 },
  ],
  [
    'Compose v2 up: its progress lines, then the port error (lab)',
    'lab/compose-up-port-allocated',
    { kind: 'run-error', tool: 'compose', error: 'port-allocated', port: 8483 },
  ],
  [
    'Compose v1: docker-compose build, a RUN that failed',
    'public/compose-v1-build-run-failed-pip',
    { kind: 'build', tool: 'compose', error: 'run-failed' },
  ],
  [
    'Podman/Buildah: STEP n:, -->, COMMIT',
    'public/podman-build-multistage-2018',
    { kind: 'build', tool: 'podman', error: null },
    'build-ok',
  ],
  [
    'Podman 5: Error: building at STEP "COPY …"',
    'public/podman-build-copy-glob-macos-5',
    { kind: 'build', tool: 'podman', error: 'copy-source-missing', failedStep: 3 },
  ],
  [
    'Podman answering as docker: the Emulate line names Podman',
    'public/podman-as-docker-no-context',
    { kind: 'build', tool: 'podman', error: 'dockerfile-missing' },
  ],
  // containers that fail after they start
  [
    'start: uvicorn\u2019s usage error (ENTRYPOINT and CMD both say uvicorn)',
    'public/run-uvicorn-usage-extra-argument',
    { kind: 'container-log', failed: true },
    'log-error',
  ],
  [
    'start: Docker Desktop\u2019s log view (date and time first), exec format error',
    'public/desktop-log-exec-format-compose-service',
    { kind: 'container-log', failed: true },
    'run-exec-format',
  ],
  [
    'start: a venv’s #! outside the image (bash 5.2: required file not found)',
    'public/log-venv-uvicorn-required-file-not-found',
    { kind: 'container-log', failed: true },
    'run-venv-shebang',
  ],
  [
    'start: CRLF entrypoint under Compose (container_name prefix)',
    'public/compose-up-entrypoint-relative-memu',
    { kind: 'container-log', tool: 'compose', failed: true },
    'run-no-such-file',
  ],
  [
    'start: Compose v2’s progress line and the daemon’s error on one line',
    'public/compose-up-entrypoint-stat-one-line',
    { kind: 'run-error', tool: 'compose', error: 'no-such-file' },
    'run-no-such-file',
  ],
  [
    'start: exec format error',
    'public/run-exec-format-php-entrypoint',
    { kind: 'container-log', failed: true },
    'run-exec-format',
  ],
  [
    'start: exec format error under Compose, restarting',
    'public/compose-logs-exec-format-restarting',
    { kind: 'container-log', tool: 'compose', failed: true },
    'run-exec-format',
  ],
  [
    'start: docker logs -t timestamps',
    'public/log-exec-format-timestamped',
    { kind: 'container-log', failed: true },
    'run-exec-format',
  ],
  [
    'start: old engine standard_init_linux',
    'public/log-standard-init-exec-format',
    { kind: 'container-log', failed: true },
    'run-exec-format',
  ],
  [
    'start: CRLF script (lab)',
    'lab/run-crlf-script',
    { kind: 'container-log', failed: true },
    'run-no-such-file',
  ],
  [
    'start: shell form, program not installed (lab)',
    'lab/run-shell-not-found',
    { kind: 'container-log', failed: true },
    'run-executable-not-found',
  ],
  [
    'start: CRLF under env (#!/usr/bin/env bash\\r) (lab)',
    'lab/run-crlf-env-bash',
    { kind: 'container-log', failed: true },
    'run-no-such-file',
  ],
  [
    'start: a venv\u2019s script from a shell-form CMD: sh says not found (lab)',
    'lab/run-venv-shebang-shell-form',
    { kind: 'container-log', failed: true },
    'run-venv-shebang',
  ],
  [
    'start: a script without its executable bit (lab)',
    'lab/run-script-not-executable',
    { kind: 'run-error', tool: 'docker' },
    'run-not-executable',
  ],
  [
    'start: uvicorn\u2019s own error in a tty, after an echoed ^@ (lab)',
    'lab/run-wrong-module-tty-100',
    { kind: 'container-log', failed: true },
    'log-error',
  ],
  [
    'Compose up: containers created and started, then one fails (lab)',
    'lab/compose-up-crlf',
    { kind: 'container-log', tool: 'compose', failed: true },
    'compose-progress',
  ],
  // tables the learner formatted
  [
    'ps --format table, names first (lab)',
    'lab/session-ps-format-tables',
    { kind: 'ps', tool: 'docker' },
  ],
  [
    'images --format table, REPOSITORY:TAG (lab)',
    'lab/session-images-format',
    { kind: 'images', tool: 'docker' },
  ],
  ['Podman’s images and ps tables', 'public/podman-images-ps', { kind: 'images', tool: 'podman' }],
  ['ps rows, then ss output (lab)', 'lab/session-ps-then-ss', { kind: 'ps', tool: 'docker' }],
  // run errors in other words
  [
    'Desktop on Windows: Only one usage of each socket address',
    'public/ports-not-available-windows-one-usage',
    { kind: 'run-error', error: 'address-in-use', port: 3306 },
    'run-address-in-use',
  ],
  [
    'Desktop: Ports are not available',
    'public/run-ports-not-available-53',
    { kind: 'run-error', error: 'address-in-use', port: 53 },
  ],
  [
    'Engine 28: failed to bind host port for',
    'lab/session-port-errors',
    { kind: 'run-error', error: 'port-allocated', port: 8483 },
  ],
  [
    'unknown shorthand flag (lab)',
    'lab/session-flag-errors',
    { kind: 'run-error', error: 'other' },
    'run-failed',
  ],
  // curl with no final newline
  [
    'curl: body glued to the next bash prompt (lab)',
    'lab/session-curl-glued-bash',
    { kind: 'curl', status: null, body: '"Welcome to root"', error: null },
  ],
  [
    'curl: zsh\u2019s % mark (lab)',
    'lab/session-curl-glued-zsh',
    { kind: 'curl', status: null, body: '"Welcome to root"', error: null },
  ],
  // PowerShell's curl
  [
    'PowerShell: Invoke-WebRequest 200',
    'public/powershell-curl-200',
    { kind: 'curl', status: 200, error: null },
  ],
  [
    'PowerShell: Unable to connect',
    'public/powershell-curl-refused-foodtrucks',
    { kind: 'curl', status: null, body: null, error: 'refused' },
    'curl-refused',
  ],
  // docker version / docker info
  [
    'engine: docker version answered (lab)',
    'lab/version',
    { kind: 'unknown', engine: 'ok' },
    'engine-answered',
  ],
  [
    'engine: docker info answered (lab)',
    'lab/info',
    { kind: 'unknown', engine: 'ok' },
    'engine-answered',
  ],
  [
    'engine: no daemon (lab)',
    'lab/version-no-engine',
    { kind: 'run-error', engine: 'not-running' },
    'engine-not-running',
  ],
  [
    'engine: Windows pipe, Desktop not running',
    'public/engine-version-windows-pipe-19',
    { kind: 'run-error', engine: 'not-running' },
    'engine-not-running',
  ],
  [
    'engine: permission denied on the socket (lab)',
    'lab/version-permission-denied',
    { kind: 'run-error', engine: 'permission-denied' },
    'engine-permission-denied',
  ],
  [
    'engine: API too old (lab)',
    'lab/version-api-too-old',
    { kind: 'run-error', engine: 'api-too-old' },
    'engine-api-mismatch',
  ],
  [
    'engine: Docker Desktop answers',
    'public/engine-version-desktop-windows-24',
    { kind: 'unknown', engine: 'ok' },
    'engine-answered',
  ],
  [
    'engine: Podman 1 as docker',
    'public/engine-version-podman-shim-1',
    { kind: 'unknown', tool: 'podman', engine: 'ok' },
    'engine-answered',
  ],
];

describe('issue 12 kinds, read right', () => {
  it.each(CASES)('%s', (_, name, want, finding) => {
    const result = explain(fixture(name).text);
    const part = result.parts.find((p) => p.kind === want['kind']) ?? result.parts[0];
    expect(facts(part)).toMatchObject(want);
    if (finding) expect(result.findings.map((f) => f.id)).toContain(finding);
  });

  // The two misreads the first round of fixtures kept in their expected files.
  it('reads Compose\u2019s closing "[+] Building 1/1" as the end of its build, not a second one', () => {
    const parts = explain(fixture('lab/compose-build-tty-100').text).parts;
    expect(parts.map((p) => p.kind)).toEqual(['build']);
    expect(facts(parts[0])).toMatchObject({ tool: 'compose', error: null });
  });

  it('reads what a failed RUN printed above the legacy builder\u2019s closing line as the build', () => {
    const parts = explain(fixture('public/legacy-dockerhub-autobuild-tail').text).parts;
    expect(parts.map((p) => p.kind)).toEqual(['build']);
    expect(parts[0]!.lines).toEqual([1, 20]);
    expect(facts(parts[0])).toMatchObject({ error: 'run-failed', exitCode: 1 });
  });

  it('says which Docker answered, in the learner\u2019s words', () => {
    const desktop = explain(fixture('public/engine-version-desktop-windows-24').text);
    expect(desktop.findings[0]!.message).toBe(
      'Docker Desktop answers: client 24.0.6 (API 1.43), engine master (API 1.44).',
    );
    const denied = explain(fixture('lab/version-permission-denied').text);
    expect(denied.findings[0]!.hint).toMatch(/sudo usermod -aG docker \$USER/);
  });
});
