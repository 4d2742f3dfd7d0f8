/** Escape then Tab leaves the terminal; a lone Tab stays in it for completion; nothing is lost. */
import { describe, expect, it } from 'vitest';
import { leaveKeys, type KeyAction } from '../../../src/islands/workspace/leave-keys.ts';

const down = (key: string) => ({ type: 'keydown', key });
const press = (key: string) => ({ type: 'keypress', key });

describe('leaveKeys', () => {
  it.each<[string, { type: string; key: string }[], KeyAction['kind'][]]>([
    ['Tab alone completes in the terminal', [down('Tab')], ['terminal']],
    ['Escape then Tab leaves', [down('Escape'), down('Tab')], ['hold', 'leave']],
    [
      'Escape then Shift+Tab leaves backwards',
      [down('Escape'), down('Shift'), down('Tab')],
      ['hold', 'hold', 'leave'],
    ],
    [
      'Escape then a letter gives the terminal both',
      [down('Escape'), down('b'), press('b')],
      ['hold', 'release', 'terminal'],
    ],
    [
      'after leaving, Tab completes again',
      [down('Escape'), down('Tab'), down('Tab')],
      ['hold', 'leave', 'terminal'],
    ],
    [
      'Escape twice: the first goes to the terminal, the second still waits for Tab',
      [down('Escape'), down('Escape'), down('Tab')],
      ['hold', 'hold', 'leave'],
    ],
    [
      'key-ups while an Escape is held are swallowed',
      [down('Escape'), { type: 'keyup', key: 'Escape' }, down('Tab')],
      ['hold', 'hold', 'leave'],
    ],
  ])('%s', (_name, events, kinds) => {
    const decide = leaveKeys();
    expect(events.map((e) => decide(e).kind)).toEqual(kinds);
  });

  it('a released or doubled Escape is sent as ESC, so shell keys like Alt+b still work', () => {
    const decide = leaveKeys();
    decide(down('Escape'));
    expect(decide(down('b'))).toEqual({ kind: 'release', send: '\x1b' });
    decide(down('Escape'));
    expect(decide(down('Escape'))).toEqual({ kind: 'hold', send: '\x1b' });
  });
});
