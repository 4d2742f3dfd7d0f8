/** A boot that may never finish, raced against its reasons to give up: always an answer, with a reason. */
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../../src/core/text/index.ts';
import { firstOutcome, withLimit, type Timers } from '../../../src/islands/webcontainer/outcome.ts';

/** Timers the test fires by hand; `live` tells whether any is still set. */
function manualTimers() {
  const set = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    set: (run) => (set.set(++next, run), next),
    clear: (h) => void set.delete(h as number),
  };
  return { timers, fireAll: () => [...set.values()].forEach((run) => run()), live: () => set.size };
}
const never = new Promise<never>(() => {});

describe('firstOutcome and withLimit', () => {
  it('the work wins when it settles first, and the limit is cleared', async () => {
    const t = manualTimers();
    expect(await withLimit(Promise.resolve('booted'), 8000, 'too slow', t.timers)).toEqual({
      ok: true,
      value: 'booted',
    });
    expect(t.live()).toBe(0);
  });

  it('a boot that never settles ends at the limit with its reason', async () => {
    const t = manualTimers();
    const outcome = withLimit(never, 8000, 'StackBlitz did not answer within 8 s', t.timers);
    t.fireAll();
    expect(await outcome).toEqual({ ok: false, reason: 'StackBlitz did not answer within 8 s' });
  });

  it('another reason (a CSP block) ends it before the limit', async () => {
    const t = manualTimers();
    const outcome = await withLimit(never, 8000, 'too slow', t.timers, [
      Promise.resolve('blocked by CSP'),
    ]);
    expect(outcome).toEqual({ ok: false, reason: 'blocked by CSP' });
    expect(t.live()).toBe(0);
  });

  it("a failing boot gives its error's first line as the reason", async () => {
    expect(
      await firstOutcome(
        Promise.reject(new Error('Unable to create more instances\n    at boot')),
        [],
      ),
    ).toEqual({ ok: false, reason: 'Unable to create more instances' });
  });

  it.each([
    [new Error('x'), 'x'],
    ['plain text', 'plain text'],
    [new Error(''), 'an unknown error'],
    [undefined, 'undefined'],
  ])('messageOf(%j) = %s', (error, text) => expect(messageOf(error)).toBe(text));
});
