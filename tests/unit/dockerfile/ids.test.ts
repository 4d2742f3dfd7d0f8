/** The README's table of finding ids is the one checkers and authors read: it must match the code. */
import { describe, expect, it } from 'vitest';
import { SEVERITY } from '../../../src/core/dockerfile/index.ts';
import { projectFile } from './fixtures.ts';

function readmeTable(): Record<string, string> {
  const rows = projectFile('src/core/dockerfile/README.md')
    .split('\n')
    .map((line) => /^\| `([a-z0-9-]+)` \| (error|warning|info) \|/.exec(line))
    .filter((m) => m !== null);
  return Object.fromEntries(rows.map((m) => [m[1], m[2]]));
}

describe('finding ids', () => {
  it('are listed in the README with their severity, no more and no fewer', () => {
    expect(readmeTable()).toEqual(SEVERITY);
  });

  it('are kebab-case', () => {
    for (const id of Object.keys(SEVERITY)) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
  });
});
