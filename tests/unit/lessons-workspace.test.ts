/** content/workspace/: the project states lessons.json names exist, and every Dockerfile is one the lab builds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../scripts/capture-outputs/lab.ts';
import { readLessons } from '../../scripts/capture-outputs/lesson-sources.ts';
import { SCENARIOS } from '../../scripts/capture-outputs/scenarios/index.ts';
import {
  listFiles,
  stateFiles,
  WORKSPACE,
  type WorkspaceState,
} from '../../scripts/capture-outputs/workspace.ts';

type LessonStates = Record<string, { start: WorkspaceState; solution: WorkspaceState }>;
const lessonsJson = JSON.parse(
  readFileSync(join(WORKSPACE, 'lessons.json'), 'utf8'),
) as LessonStates;
const slugs = new Set(readLessons().map((l) => l.slug));
const files = (state: WorkspaceState) => [...stateFiles(state).keys()].sort();

describe('content/workspace', () => {
  it('solution/ is the finished course project', () => {
    expect(listFiles(join(WORKSPACE, 'solution'))).toEqual([
      '.dockerignore',
      'Dockerfile',
      'app/main.py',
      'requirements.txt',
    ]);
  });

  it.each(Object.entries(lessonsJson))(
    'lessons.json: %s is a lesson, and both its states resolve',
    (slug, states) => {
      expect(slugs.has(slug)).toBe(true);
      expect(Object.keys(states).sort()).toEqual(['solution', 'start']);
      expect(() => files(states.start)).not.toThrow();
      expect(() => files(states.solution)).not.toThrow();
    },
  );

  it.each([
    ['demo-fastapi-project', [], ['app/main.py', 'requirements.txt']],
    [
      'writing-the-dockerfile',
      ['app/main.py', 'requirements.txt'],
      ['.dockerignore', 'Dockerfile', 'app/main.py', 'requirements.txt'],
    ],
  ])('lessons.json: %s starts and ends where its lesson does', (slug, start, solution) => {
    expect(files(lessonsJson[slug]!.start)).toEqual(start);
    expect(files(lessonsJson[slug]!.solution)).toEqual(solution);
  });

  it('requirements.txt pins exactly the versions the lab image holds', () => {
    expect(readFileSync(join(WORKSPACE, 'solution/requirements.txt'), 'utf8')).toBe(
      'fastapi==0.143.3\nuvicorn==0.53.0\n',
    );
  });

  it('every Dockerfile in the workspace is built by a lab scenario', () => {
    const dockerfiles = listFiles(WORKSPACE)
      .filter((f) => f.endsWith('Dockerfile'))
      .map((f) => join(WORKSPACE, f));
    const built = new Set(
      SCENARIOS.filter((s) => stepsOf(s).some((step) => /^docker build\b/.test(step.run))).map(
        (s) => stateFiles(s.workspace).get('Dockerfile'),
      ),
    );
    expect(dockerfiles.filter((f) => !built.has(f))).toEqual([]);
  });

  it('every variant is used by a lab scenario', () => {
    const variants = listFiles(join(WORKSPACE, 'variants')).map((f) => `variants/${f}`);
    const used = new Set(
      SCENARIOS.flatMap((s) => [
        ...[...stateFiles(s.workspace).values()].map((abs) => abs.slice(WORKSPACE.length + 1)),
        ...s.actions.flatMap((a) => ('edit' in a ? [a.from] : [])),
      ]),
    );
    expect(variants.filter((v) => !used.has(v))).toEqual([]);
  });
});
