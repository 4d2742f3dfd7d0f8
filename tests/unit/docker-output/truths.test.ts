/**
 * Every fixture the parser is developed against (lab, public, pastes) read as its hand-judged
 * `<name>.truth.json` says (scripts/capture-fixtures/score.ts): a fact judged wrong in an expected
 * file fails here, not only in the scorer's figure. The held-out set is a measure, not a test.
 */
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_DIRS, score } from '../../../scripts/capture-fixtures/score.ts';

describe('fixtures read as their truths say', () => {
  it.each(DEVELOPMENT_DIRS)('%s: every fact right, no crash', (dir) => {
    const wrong = score(dir)
      .filter((s) => s.crashed || s.wrong.length)
      .map((s) => `${dir}/${s.name}${s.crashed ? ' crashed' : ''}: ${s.wrong.join('; ')}`);
    expect(wrong).toEqual([]);
  });
});
