/**
 * `.dockerignore`, one reader for the Dockerfile analysis and the sandbox's build context: against
 * what a real build client sent (tests/unit/dockerfile/real/README.md), then moby/patternmatcher's
 * rules as tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isIgnored, readDockerignore } from '../../../src/core/dockerfile/dockerignore.ts';
import { parseDetailed } from '../../../src/core/docker-output/index.ts';

const real = (name: string) => readFileSync(new URL(`real/${name}`, import.meta.url), 'utf8');

/** The files step [4/6] (`RUN find . -type f | sort`) printed: what reached the builder. */
function filesTheBuilderSaw(): Set<string> {
  const log = real('build-plain.txt');
  const vertex = /^#(\d+) \[4\/6\] RUN find/m.exec(log)?.[1];
  const lines = [...log.matchAll(new RegExp(`^#${vertex} \\d+\\.\\d+ \\./(.*)$`, 'gm'))].map(
    (m) => m[1]!,
  );
  return new Set(lines);
}

describe('.dockerignore on the real engine', () => {
  const patterns = readDockerignore(real('context/.dockerignore'));
  const sent = filesTheBuilderSaw();
  const files = real('context/FILES.txt')
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^\.\//, ''));

  it('read a build that reached the builder and left files out', () => {
    expect(parseDetailed(real('build-plain.txt'))[0]?.part.kind).toBe('build');
    expect(sent.size).toBeGreaterThan(3);
    expect(sent.size).toBeLessThan(files.length);
  });

  it.each(files)('%s', (file) => {
    expect(isIgnored(patterns, file)).toBe(!sent.has(file));
  });
});

describe('.dockerignore rules', () => {
  it.each<[string, string, boolean]>([
    ['.venv', '.venv', true],
    ['.venv/', '.venv', true],
    ['/.venv', '.venv', true],
    ['**/.venv', '.venv', true],
    ['.*', '.venv', true],
    ['venv', '.venv', false],
    ['# .venv', '.venv', false],
    ['.venv\n!.venv', '.venv', false],
    ['*\n!app', 'Dockerfile', true],
    ['Docker*', 'Dockerfile', true],
    ['Dockerfile?', 'Dockerfile', false],
    ['app', 'app/main.py', true],
    ['', 'Dockerfile', false],
    ['\ufeff.venv', '.venv', true],
    ['.venv\r\nDockerfile\r\n', 'Dockerfile', true],
    ['  # not a comment once indented', '# not a comment once indented', true],
    ['!', 'Dockerfile', false],
    ['foo/**', 'foo/bar/baz', true],
    ['foo/**', 'foo', false],
    ['foo**', 'foobar', true],
    ['**', 'any/thing', true],
    ['**/x', 'x', true],
    ['**/x', 'ax', false],
    ['a**b', 'ab', true],
    ['a**b', 'a/c/b', true],
    ['a**b', 'acb', false],
    ['*.py[!c]', 'x.pyo', false],
    ['*.py[^c]', 'x.pyo', true],
    ['[', '[', false],
    ['app/*.py', 'app/main.py', true],
    ['app/*.py', 'app/sub/main.py', false],
    ['app/../Dockerfile', 'Dockerfile', true],
  ])('%j leaves out %j: %s', (dockerignore, path, expected) => {
    expect(isIgnored(readDockerignore(dockerignore), path)).toBe(expected);
  });
});

describe("a Python project's .dockerignore on its build context", () => {
  const patterns = readDockerignore(
    '# comment\n.venv\n__pycache__\n*.pyc\n/secrets/\n**/*.log\n!keep.log\n',
  );
  it.each([
    ['.venv/bin/python', true],
    ['app/__pycache__/main.cpython-313.pyc', false],
    ['__pycache__/x', true],
    ['main.pyc', true],
    ['app/main.pyc', false],
    ['secrets/key', true],
    ['debug.log', true],
    ['logs/deep/x.log', true],
    ['keep.log', false],
    ['app/main.py', false],
    ['# comment', false],
  ])('%s ignored: %s', (path, ignored) => {
    expect(isIgnored(patterns, path)).toBe(ignored);
  });
});
