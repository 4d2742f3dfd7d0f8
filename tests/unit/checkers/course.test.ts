/** The checkers' idea of the course must be the course's own Dockerfile. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURSE, repositoryOf, tagOf } from '../../../src/core/checkers/course.ts';
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

  it.each([
    ['demo-image', 'demo-image', 'latest'],
    ['demo-image:v2', 'demo-image', 'v2'],
    ['docker.io/library/demo-image:latest', 'demo-image', 'latest'],
    ['localhost/demo-image', 'demo-image', 'latest'],
    ['localhost:5000/demo-image:1.0', 'localhost:5000/demo-image', '1.0'],
    ['demo-image@sha256:abc', 'demo-image', 'latest'],
  ])('reads the reference %s as %s, tag %s', (ref, repo, tag) => {
    expect(repositoryOf(ref)).toBe(repo);
    expect(tagOf(ref)).toBe(tag);
  });
});
