/** Focused facts, one row a case: what each shape of real output must yield. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/docker-output/index.ts';
import { screenLines } from '../../../src/core/text/index.ts';
import { readPortsColumn } from '../../../src/core/docker/index.ts';
import type { Part } from '../../../src/core/docker-output/types.ts';
import { fixture } from './fixtures.ts';

const only = <K extends Part['kind']>(parts: Part[], kind: K) =>
  parts.filter((p): p is Extract<Part, { kind: K }> => p.kind === kind);

describe('parts found in each paste', () => {
  const CASES: [string, string[]][] = [
    ['lab/build-first-tty-80', ['build']],
    ['pastes/bash-build-then-images', ['build', 'images']],
    ['pastes/ohmyzsh-run-ps-curl', ['run-error', 'ps', 'curl']],
    ['pastes/venv-logs-then-curl-reset', ['container-log', 'curl']],
    ['pastes/typed-commands-no-prompt', ['history', 'ps']],
    ['public/podman-session-old', ['build', 'container-log']],
    ['public/podman-images-ps', ['images', 'ps']],
    ['public/port-allocated-ohmyzsh', ['run-error', 'run-error']],
    ['public/run-exec-not-found-modern', ['run-error']],
  ];
  it.each(CASES)('%s', (name, kinds) => {
    expect(parse(fixture(name).text).map((p) => p.kind)).toEqual(kinds);
  });
});

describe('build formats, steps and errors', () => {
  const CASES: [string, string, string, boolean[], string | null][] = [
    // fixture, format, tags, cached flags in step order, error kind
    [
      'lab/build-cached-plain',
      'buildkit-plain',
      'demo-image:latest',
      [false, true, true, true, true],
      null,
    ],
    [
      'lab/build-cached-tty-80',
      'buildkit-tty',
      'demo-image:latest',
      [false, true, true, true, true],
      null,
    ],
    [
      'lab/build-ci-timestamps',
      'buildkit-plain',
      'demo-image:latest',
      [false, true, true, true, false],
      null,
    ],
    [
      'lab/build-cached-legacy',
      'legacy',
      'demo-image:latest',
      [false, true, true, true, true, true, true],
      null,
    ],
    ['public/podman-build-run-failed', 'podman', '', [false, false], 'run-failed'],
    ['public/legacy-docker113', 'legacy', '', [false, false, false, false, false, false], null],
    ['lab/build-run-failed-tty-80', 'buildkit-tty', '', [false, true, true, false], 'run-failed'],
    ['public/compose-build-pull-denied', 'buildkit-tty', '', [], 'base-image-not-found'],
    ['public/tty-copy-missing-docs', 'buildkit-tty', '', [false], 'copy-source-missing'],
  ];
  it.each(CASES)('%s', (name, format, tags, cached, error) => {
    const [b] = only(parse(fixture(name).text), 'build');
    expect(b!.format).toBe(format);
    expect(b!.build.tags.join(',')).toBe(tags);
    expect(b!.build.steps.map((s) => s.cached)).toEqual(cached);
    expect(b!.build.error?.kind ?? null).toBe(error);
  });

  it('numbers multi-stage and padded steps as the builder does, in step order', () => {
    const [multi] = only(parse(fixture('lab/build-multistage-plain').text), 'build');
    // BuildKit runs the one shared FROM once and labels it [build 1/4] only.
    expect(multi!.build.steps.map((s) => `${s.stage} ${s.index}/${s.total}`)).toEqual([
      'build 1/4',
      'build 2/4',
      'build 3/4',
      'build 4/4',
      'stage-1 2/5',
      'stage-1 3/5',
      'stage-1 4/5',
      'stage-1 5/5',
    ]);
    const [ten] = only(parse(fixture('lab/build-ten-steps-plain').text), 'build');
    expect(ten!.build.steps.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads the exit code of a failed RUN in every builder', () => {
    for (const name of [
      'lab/build-run-failed-plain',
      'lab/build-run-failed-legacy',
      'public/podman-build-run-failed',
    ]) {
      const [b] = only(parse(fixture(name).text), 'build');
      expect(b!.build.error?.exitCode, name).toBe(name.includes('podman') ? 5 : 1);
      expect(b!.build.steps.filter((s) => s.failed).length, name).toBe(1);
    }
  });
});

describe('PORTS cells (forms seen in real docker ps output, docs/reference/docker-semantics.md §3.1)', () => {
  const CASES: [string, [string | null, number | null, number][]][] = [
    [
      '0.0.0.0:8000->8000/tcp, [::]:8000->8000/tcp',
      [
        ['0.0.0.0', 8000, 8000],
        ['::', 8000, 8000],
      ],
    ],
    [
      '0.0.0.0:50230->3000/tcp, :::50230->3000/tcp',
      [
        ['0.0.0.0', 50230, 3000],
        ['::', 50230, 3000],
      ],
    ],
    ['127.0.0.1:8080->8000/tcp', [['127.0.0.1', 8080, 8000]]],
    ['8000/tcp', [[null, null, 8000]]],
    [
      '8001-8002/tcp',
      [
        [null, null, 8001],
        [null, null, 8002],
      ],
    ],
    [
      '0.0.0.0:18060-18061->18060-18061/tcp',
      [
        ['0.0.0.0', 18060, 18060],
        ['0.0.0.0', 18061, 18061],
      ],
    ],
    [
      '8000/tcp, 0.0.0.0:18040->80/tcp',
      [
        [null, null, 8000],
        ['0.0.0.0', 18040, 80],
      ],
    ],
    ['', []],
  ];
  it.each(CASES)('%j', (cell, want) => {
    expect(readPortsColumn(cell)?.map((p) => [p.hostIp, p.hostPort, p.containerPort])).toEqual(
      want,
    );
  });
  it('rejects what is not a PORTS cell', () => expect(readPortsColumn('fx-web')).toBeNull());
});

describe('normalise keeps input line numbers', () => {
  const CASES: [string, string, [string, number][]][] = [
    [
      'CRLF',
      'a\r\nb\r\n',
      [
        ['a', 1],
        ['b', 2],
      ],
    ],
    ['carriage-return overwrite', '10%\r100%\n', [['100%', 1]]],
    [
      'cursor up redraw',
      'x 0.1s\n\x1b[1A\x1b[0Gx 0.9s\ny\n',
      [
        ['x 0.9s', 2],
        ['y', 3],
      ],
    ],
    ['colour codes', '\x1b[34m => done\x1b[0m\n', [[' => done', 1]]],
    ['CI timestamp', '2024-05-01T10:00:00.1234567Z #1 DONE 0.0s\n', [['#1 DONE 0.0s', 1]]],
  ];
  it.each(CASES)('%s', (_, input, want) => {
    expect(screenLines(input).map((l) => [l.text, l.n])).toEqual(want);
  });
});
