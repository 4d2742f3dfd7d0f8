/**
 * `date` against GNU coreutils 9.1: each case of date.json was recorded by
 * tests/fixtures/sandbox/real/shell/record-date.ts for one instant (its `epoch`); here the sandbox's
 * clock is set to that instant and the same arguments must print the same and exit the same.
 */
import { describe, expect, it } from 'vitest';
import { demoSandbox } from './helpers.ts';
import recorded from '../../fixtures/sandbox/real/shell/date.json' with { type: 'json' };

const quoteArg = (a: string) => (/^[\w@%+:=.,/-]+$/.test(a) ? a : `'${a}'`);

describe(`date against ${recorded.recordedWith}`, () => {
  it.each(recorded.cases.map((c) => [c.args.join(' ') || '(no arguments)', c] as const))(
    'date %s',
    async (_, c) => {
      const { run, clock } = demoSandbox({});
      clock.advance(recorded.epoch * 1000 - clock.now());
      const r = await run(['date', ...c.args.map(quoteArg)].join(' '));
      expect(r).toEqual({ output: c.output, exitCode: c.exitCode });
    },
  );

  it('reads the clock as it moves: a sleep later, the seconds have moved with it', async () => {
    const { run, clock } = demoSandbox({});
    clock.advance(recorded.epoch * 1000 - clock.now());
    expect((await run('date +%s; sleep 90; date +%s')).output).toBe(
      `${recorded.epoch}\n${recorded.epoch + 90}\n`,
    );
  });

  it('another date than now is named as not simulated', async () => {
    const { run } = demoSandbox({});
    expect(await run('date -d tomorrow')).toEqual({
      output:
        'date -d, -f, -r and -s (another date than now, or setting the clock): not simulated in this browser terminal; date and date +FORMAT read the sandbox clock.\n',
      exitCode: 2,
    });
  });
});
