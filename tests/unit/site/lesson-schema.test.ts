import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../../src/content/lesson-schema.ts';

const good = {
  title: 'Introduction',
  order: 1,
  summary: 'What you will build.',
  objectives: ['Know the plan'],
  estimatedMinutes: 8,
};

/** The message a bad frontmatter gets: each issue names its field. */
function problems(data: unknown): string[] {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('lesson frontmatter schema', () => {
  it('accepts a complete lesson, with and without exercises', () => {
    expect(problems(good)).toEqual([]);
    expect(problems({ ...good, exercises: ['first-build', 'cached-rebuild'] })).toEqual([]);
  });

  it.each([
    ['a missing title', { ...good, title: undefined }, 'title'],
    ['an empty title', { ...good, title: '  ' }, 'title: a lesson needs a title'],
    ['order as text', { ...good, order: 'one' }, 'order'],
    [
      'a fractional order',
      { ...good, order: 1.5 },
      'order: order is a whole number, 1 for the first lesson',
    ],
    ['order zero', { ...good, order: 0 }, 'order: order starts at 1'],
    ['no summary', { ...good, summary: undefined }, 'summary'],
    ['objectives as a string', { ...good, objectives: 'learn' }, 'objectives'],
    ['no objectives', { ...good, objectives: [] }, 'objectives: list at least one objective'],
    ['minutes missing', { ...good, estimatedMinutes: undefined }, 'estimatedMinutes'],
    ['minutes as text', { ...good, estimatedMinutes: '8 min' }, 'estimatedMinutes'],
    [
      'a bad exercise id',
      { ...good, exercises: ['First Build'] },
      'exercises.0: there is no exercise "First Build"; the catalog (src/core/checkers/catalog.ts) has docker-answers, demo-app-runs, dockerfile-written, first-build, cached-rebuild, image-listed, container-running, app-reachable, code-reloaded',
    ],
    [
      'an exercise the catalog does not have',
      { ...good, exercises: ['first-bulid'] },
      'exercises.0: there is no exercise "first-bulid"',
    ],
    ['a misspelt field', { ...good, estimated_minutes: 8 }, 'estimated_minutes'],
  ])('rejects %s, naming the field', (_label, data, expected) => {
    const found = problems(data);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(expected);
  });
});
