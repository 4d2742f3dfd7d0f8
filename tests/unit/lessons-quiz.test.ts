/** The concept checks' grading. */
import { describe, expect, it } from 'vitest';
import { grade, resultText } from '../../src/islands/quiz.ts';

const key = { kernel: 'B', port: 'B', tags: 'A' };

describe('grade', () => {
  it.each([
    ['all right', { kernel: 'B', port: 'B', tags: 'A' }, 3, []],
    ['one wrong', { kernel: 'A', port: 'B', tags: 'A' }, 2, []],
    ['all wrong', { kernel: 'C', port: 'A', tags: 'B' }, 0, []],
    ['one missing', { kernel: 'B', tags: 'A' }, 2, ['port']],
    ['nothing answered', {}, 0, ['kernel', 'port', 'tags']],
    [
      'an answer to a question the quiz does not have',
      { kernel: 'B', port: 'B', tags: 'A', extra: 'A' },
      3,
      [],
    ],
  ])('%s', (_label, answers: Record<string, string>, correct, missing) => {
    const g = grade(key, answers);
    expect(g.correct).toBe(correct);
    expect(g.total).toBe(3);
    expect(g.missing).toEqual(missing);
    expect(Object.values(g.right).filter(Boolean)).toHaveLength(correct);
  });
});

describe('resultText', () => {
  it.each([
    [3, 3, 'All 3 right.'],
    [2, 3, '2 of 3 right. Read the explanations, then try again.'],
    [0, 4, '0 of 4 right. Read the explanations, then try again.'],
  ])('%i of %i', (correct, total, text) => {
    expect(resultText({ correct, total })).toBe(text);
  });
});
