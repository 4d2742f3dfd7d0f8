/**
 * The pydantic stand-in validates as pydantic 2.13 does: tests/fixtures/python/pydantic-cases.py
 * run by real pydantic on the lab (`docker run --rm -v $PWD/tests/fixtures/python:/f:ro
 * python:3.14-slim python /f/pydantic-cases.py`, pydantic 2.13.5 / pydantic-core 2.46.5, saved as
 * real/pydantic/3.14-slim.json) and by the stand-in here must print the same document.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, LOAD_TIMEOUT, python } from './real-python.ts';

interface Case {
  type: string;
  input: unknown;
}

const real = JSON.parse(readFileSync(`${FIXTURES}real/pydantic/3.14-slim.json`, 'utf8')) as Case[];
let mine: Case[] = [];

beforeAll(async () => {
  const source = readFileSync(`${FIXTURES}pydantic-cases.py`, 'utf8');
  const { result } = await python.start({
    files: { '/f/pydantic-cases.py': source },
    roots: ['/f'],
    env: {},
    packages: ['pydantic'],
    argv: ['/f/pydantic-cases.py'],
    tty: false,
    sitePackages: '/usr/lib/python3/dist-packages',
    mode: 'script',
    target: '/f/pydantic-cases.py',
    source,
  });
  if (result.state !== 'exited' || result.exitCode !== 0) throw new Error(JSON.stringify(result));
  mine = JSON.parse(result.output.map(([, t]) => t).join('')) as Case[];
}, LOAD_TIMEOUT);

describe('pydantic stand-in vs real pydantic 2.13', () => {
  it.each(real.map((c, i) => [`${c.type} <- ${JSON.stringify(c.input)}`, i] as const))(
    '%s',
    (_, i) => {
      expect(mine[i]).toEqual(real[i]);
    },
  );
});
