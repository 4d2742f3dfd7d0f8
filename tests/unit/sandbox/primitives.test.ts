import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/sandbox/host/sha256.ts';
import { humanDuration, humanSize } from '../../../src/core/sandbox/text/human.ts';
import { renderTable, ellipsis } from '../../../src/core/sandbox/text/table.ts';
import { isValidRef } from '../../../src/core/sandbox/docker/images.ts';
import { familiarRef } from '../../../src/core/docker/index.ts';
import { applyMode } from '../../../src/core/sandbox/commands/files.ts';
import { stripAnsi } from '../../../src/core/text/index.ts';

describe('sha256 (FIPS 180-4 test vectors)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(1000), '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
  ])('%#', (input, digest) => {
    expect(sha256(input)).toBe(digest);
  });
});

describe('CLI number formats (docker/go-units)', () => {
  it.each([
    [0, '0B'],
    [39, '39B'],
    [130, '130B'],
    [194_489_110, '194MB'],
    [45_400_000, '45.4MB'],
    [1_090_000_000, '1.09GB'],
  ])('humanSize(%i) = %s', (n, s) => {
    expect(humanSize(n)).toBe(s);
  });

  it.each([
    [500, 'Less than a second'],
    [1000, '1 second'],
    [3000, '3 seconds'],
    [60_000, 'About a minute'],
    [12 * 60_000, '12 minutes'],
    [3_600_000, 'About an hour'],
    [5 * 3_600_000, '5 hours'],
    [3 * 86_400_000, '3 days'],
  ])('humanDuration(%i) = %s', (ms, s) => {
    expect(humanDuration(ms)).toBe(s);
  });

  it('pads columns as tabwriter(10, 1, 3) does', () => {
    expect(
      renderTable([
        ['REPOSITORY', 'TAG', 'SIZE'],
        ['lwcap-demo', 'latest', '194MB'],
      ]),
    ).toBe('REPOSITORY   TAG       SIZE\nlwcap-demo   latest    194MB');
  });

  it.each([
    ['uvicorn app.main:app --host 0.0.0.0', 20, 'uvicorn app.main:ap…'],
    ['short', 20, 'short'],
  ])('ellipsis(%j, %i)', (text, n, out) => {
    expect(ellipsis(text, n)).toBe(out);
  });
});

describe('references and modes', () => {
  it.each([
    ['demo-image', 'demo-image:latest'],
    ['demo-image:v2', 'demo-image:v2'],
    ['docker.io/library/python:3.13-slim', 'python:3.13-slim'],
    ['localhost:5000/demo', 'localhost:5000/demo:latest'],
  ])('familiarRef(%s)', (ref, out) => {
    expect(familiarRef(ref)).toBe(out);
  });

  it.each([
    ['demo-image', true],
    ['demo-image:v1.0', true],
    ['Demo', false],
    ['demo image', false],
    ['demo:', false],
  ])('isValidRef(%j) = %s', (ref, ok) => {
    expect(isValidRef(ref)).toBe(ok);
  });

  it.each([
    [0o644, '755', 0o755],
    [0o644, '+x', 0o755],
    [0o755, 'go-rx', 0o700],
    [0o644, 'u=rwx', 0o744],
    [0o644, 'bogus', null],
  ])('applyMode(%o, %s)', (mode, spec, out) => {
    expect(applyMode(mode, spec)).toBe(out);
  });

  it('strips colour, cursor moves and titles', () => {
    expect(stripAnsi('\x1b[1;32mok\x1b[0m\x1b[2K\x1b]0;title\x07!')).toBe('ok!');
  });
});
