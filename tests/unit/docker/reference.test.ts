/**
 * One reading of image references for the parser, the checkers and the engine reader. Before
 * core/docker there were two normalisers that disagreed on digests (the parser kept
 * `demo:v2@sha256:…`, the engine side made it `demo:latest`); the answers pinned here are the
 * decision: a written tag always wins, a digest alone is kept, Podman's `localhost/` is local.
 */
import { describe, expect, it } from 'vitest';
import { imageName, normaliseRef } from '../../../src/core/docker/index.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('normaliseRef and imageName', () => {
  it.each([
    ['demo-image', 'demo-image:latest', 'demo-image', 'latest'],
    ['demo-image:v2', 'demo-image:v2', 'demo-image', 'v2'],
    ['docker.io/library/demo-image:latest', 'demo-image:latest', 'demo-image', 'latest'],
    ['index.docker.io/library/python:3.13-slim', 'python:3.13-slim', 'python', '3.13-slim'],
    ['docker.io/someone/app', 'someone/app:latest', 'someone/app', 'latest'],
    // Podman names what it built localhost/…; the course reads it as a local image.
    ['localhost/demo-image', 'demo-image:latest', 'demo-image', 'latest'],
    ['localhost/demo-image:v2', 'demo-image:v2', 'demo-image', 'v2'],
    [
      'localhost:5000/demo-image:1.0',
      'localhost:5000/demo-image:1.0',
      'localhost:5000/demo-image',
      '1.0',
    ],
    [
      'registry.example/team/app:1',
      'registry.example/team/app:1',
      'registry.example/team/app',
      '1',
    ],
    // A written tag wins over a digest (was `demo-image:latest` on the engine side).
    [`demo-image:v2@${DIGEST}`, 'demo-image:v2', 'demo-image', 'v2'],
    // A digest alone names no tag: kept (was `demo-image:latest` on the engine side).
    [`demo-image@${DIGEST}`, `demo-image@${DIGEST}`, 'demo-image', 'latest'],
  ])('%s → %s (repository %s, tag %s)', (ref, normalised, repository, tag) => {
    expect(normaliseRef(ref)).toBe(normalised);
    expect(imageName(ref)).toMatchObject({ repository, tag });
  });

  it('is idempotent, so a normalised tag compares equal to itself', () => {
    for (const ref of ['demo-image', 'localhost/x:y', `a@${DIGEST}`, 'docker.io/library/p:1'])
      expect(normaliseRef(normaliseRef(ref))).toBe(normaliseRef(ref));
  });
});
