/** lessons.json read the browser's way: every lesson's start and solution, and bad input as a sentence. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lessonProject,
  PRACTICE,
  stateFiles,
  treeFromGlob,
} from '../../../src/islands/workspace/project-files.ts';

const WORKSPACE = new URL('../../../content/workspace/', import.meta.url).pathname;
/** content/workspace/ as import.meta.glob keys it, read from disk. */
function globOfDisk(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[`/content/workspace/${relative(WORKSPACE, path)}`] = readFileSync(path, 'utf8');
    }
  };
  walk(WORKSPACE);
  return out;
}
const tree = treeFromGlob(globOfDisk());
const lessonsJson: unknown = JSON.parse(tree['lessons.json']!);

describe('lessonProject + stateFiles on the real content/workspace', () => {
  it.each(Object.keys(lessonsJson as object))(
    '%s: start and solution resolve with nothing missing',
    (slug) => {
      const project = lessonProject(lessonsJson, slug);
      if (typeof project === 'string') throw new Error(project);
      for (const state of [project.start, project.solution])
        expect(stateFiles(state, tree).missing).toEqual([]);
    },
  );

  it.each([
    ['writing-the-dockerfile', 'start', ['app/main.py', 'requirements.txt']],
    [
      'writing-the-dockerfile',
      'solution',
      ['.dockerignore', 'Dockerfile', 'app/main.py', 'requirements.txt'],
    ],
    ['demo-fastapi-project', 'start', []],
  ] as const)('%s %s holds %j', (slug, which, paths) => {
    const project = lessonProject(lessonsJson, slug);
    if (typeof project === 'string') throw new Error(project);
    expect(Object.keys(stateFiles(project[which], tree).files).sort()).toEqual(paths);
  });

  it('an overlay replaces the files it holds and keeps the rest', () => {
    const { files } = stateFiles({ from: 'solution', overlay: 'variants/loopback' }, tree);
    expect(files['Dockerfile']).toBe(tree['variants/loopback/Dockerfile']);
    expect(files['app/main.py']).toBe(tree['solution/app/main.py']);
  });

  it('no lesson (the practice page) starts from the whole solution', () => {
    expect(lessonProject(lessonsJson, null)).toBe(PRACTICE);
    expect(Object.keys(stateFiles(PRACTICE.start, tree).files)).toHaveLength(4);
  });
});

describe('bad lessons.json or tree: a sentence, never a throw', () => {
  it.each([
    [null, 'x', 'is not a JSON object'],
    [{}, 'x', 'has no "x" (it has: nothing)'],
    [{ a: {} }, 'b', 'has no "b" (it has: a)'],
    [{ x: null }, 'x', '"x".start is not an object'],
    [{ x: { start: { from: 3 } } }, 'x', '"x".start.from must name a folder'],
    [
      { x: { start: { from: 'solution', only: 'Dockerfile' } } },
      'x',
      '"x".start.only must be a list',
    ],
    [
      { x: { start: { from: 'solution' }, solution: { from: 'solution', overlay: 1 } } },
      'x',
      '"x".solution.overlay must name',
    ],
  ])('%j, lesson %s: %s', (json, slug, message) => {
    const result = lessonProject(json, slug);
    expect(typeof result).toBe('string');
    expect(result).toContain(message);
  });

  it.each([
    [{ from: 'nowhere' }, ['nowhere/']],
    [{ from: 'solution', only: ['Dockerfile', 'gone.txt'] }, ['solution/gone.txt']],
  ])('%j names what is missing', (state, missing) => {
    expect(stateFiles(state, tree).missing).toEqual(missing);
  });
});
