/** Text that is not a usable Dockerfile gets one clear finding; a Dockerfile in terminal clothing is still read. */
import { describe, expect, it } from 'vitest';
import { analyse, MAX_CHARS } from '../../../src/core/dockerfile/index.ts';
import { fixture, projectFile, variant } from './fixtures.ts';

const ids = (text: unknown): [string, number][] =>
  analyse(text as string).map((f) => [f.id, f.line ?? 0]);

describe('text that is not a Dockerfile', () => {
  it.each<[string, unknown, [string, number][]]>([
    ['empty', '', [['empty-dockerfile', 1]]],
    ['blank lines', '  \n\n\t\n', [['empty-dockerfile', 1]]],
    ['comments only', '# syntax=docker/dockerfile:1\n# nothing yet\n', [['empty-dockerfile', 1]]],
    ['not a string', undefined, [['empty-dockerfile', 1]]],
    ['a number', 42, [['empty-dockerfile', 1]]],
    ['too large', 'RUN echo x\n'.repeat(MAX_CHARS / 10), [['too-large', 1]]],
    [
      'binary with NUL bytes',
      '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000',
      [['not-a-dockerfile', 1]],
    ],
    [
      'binary decoded as replacement characters',
      '\ufffd\ufffdPNG\r\n\u001a\n\ufffd\ufffd\ufffd',
      [['not-a-dockerfile', 1]],
    ],
    [
      'docker build output, plain',
      fixture('pasted/build-first-plain.txt'),
      [['not-a-dockerfile', 1]],
    ],
    [
      'docker build output, tty with colour codes',
      fixture('pasted/build-first-tty-80.txt'),
      [['not-a-dockerfile', 1]],
    ],
    [
      'docker build output, legacy builder',
      fixture('pasted/build-first-legacy.txt'),
      [['not-a-dockerfile', 5]],
    ],
    [
      'podman build output',
      fixture('pasted/podman-build-run-failed.txt'),
      [['not-a-dockerfile', 1]],
    ],
    ['uvicorn logs', fixture('pasted/logs-uvicorn.txt'), [['not-a-dockerfile', 1]]],
    ['curl output', fixture('pasted/curl-i.txt'), [['not-a-dockerfile', 1]]],
    [
      "the course app's Python code",
      projectFile('content/workspace/solution/app/main.py'),
      [['not-a-dockerfile', 1]],
    ],
    [
      'requirements.txt',
      projectFile('content/workspace/solution/requirements.txt'),
      [['not-a-dockerfile', 1]],
    ],
    [
      'a compose file',
      'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n',
      [['not-a-dockerfile', 1]],
    ],
  ])('%s', (_label, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('a Dockerfile as a terminal or editor hands it over', () => {
  const broken = variant({ 1: 'FROM python:3.8', 7: 'CMD uvicorn app.main:app' });
  const expected = ids(broken);

  it.each<[string, string]>([
    ['CRLF line ends', broken.replace(/\n/g, '\r\n')],
    ['a byte-order mark', `\ufeff${broken}`],
    ['colour codes around keywords', broken.replace(/^(\w+)/gm, '\u001b[1;34m$1\u001b[0m')],
    ['trailing spaces and tabs', broken.replace(/\n/g, ' \t\n')],
  ])('%s gives the same findings on the same lines', (_label, text) => {
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(text)).toEqual(expected);
  });
});
