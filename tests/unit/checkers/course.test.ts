/** The checkers' idea of the course must be the course's own Dockerfile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURSE } from '../../../src/core/checkers/index.ts';
import { describe as describeDockerfile } from '../../../src/core/dockerfile/index.ts';

const solution = readFileSync(
  new URL('../../../content/workspace/solution/Dockerfile', import.meta.url),
  'utf8',
);

describe('the course constants', () => {
  it('match content/workspace/solution/Dockerfile', () => {
    const d = describeDockerfile(solution);
    expect(d.workdir).toBe(COURSE.workdir);
    expect(d.cmd).toEqual(COURSE.cmd);
    expect(d.exposed).toEqual([COURSE.containerPort]);
    expect(d.serverPort).toBe(COURSE.containerPort);
  });
});
