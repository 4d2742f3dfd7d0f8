import { describe, expect, it } from 'vitest';
import { isReference } from '../../../src/core/docker/index.ts';
import { scaled } from '../../machine-pace.ts';

describe("Docker's reference grammar", () => {
  it.each([
    'demo-image',
    'demo-image:latest',
    'demo_image__v2.x:1.0-rc.1',
    'someone/app:dev',
    'docker.io/library/python:3.13-slim',
    'localhost:5000/demo',
    'Registry.Example.com/team/app',
    '[::1]:5000/demo:v1',
    `demo@sha256:${'a'.repeat(64)}`,
    `demo:v2@sha256:${'b'.repeat(64)}`,
  ])('accepts %s', (ref) => expect(isReference(ref)).toBe(true));

  it.each([
    '',
    'demo-image//latest',
    'a/./b',
    'a/../../containers/json',
    'x/..',
    'Demo-Image',
    '-rm',
    '--rm demo',
    'demo:',
    'demo:-tag',
    'demo@sha256:abc',
    '/demo',
    'demo/',
    `${'a'.repeat(256)}`,
    `demo:${'t'.repeat(129)}`,
    'demo\n:latest',
  ])('refuses %j', (ref) => expect(isReference(ref)).toBe(false));

  it('answers at once on a long pathological name', () => {
    const started = performance.now();
    expect(isReference(`${'a-'.repeat(5000)}!`)).toBe(false);
    expect(isReference(`${'a.'.repeat(100)}:`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(scaled(100));
  });
});
