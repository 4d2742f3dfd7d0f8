/**
 * `for` loops at the terminal, beyond what shell-bash.test.ts replays from a real bash: Ctrl+C
 * ends the whole loop (bash gets the SIGINT too), and a loop too long to run without holding the
 * page says so instead of running.
 */
import { describe, expect, it } from 'vitest';
import { demoSandbox, screen } from './helpers.ts';

const PROMPT = 'learner@layerwise:~/demo$ ';

describe('for loops', () => {
  it('Ctrl+C during the first pass ends the loop: no second pass, status 130', async () => {
    const { sandbox } = demoSandbox();
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('for i in 1 2; do echo "pass $i"; sleep infinity; done\r');
    await s.waitFor('pass 1\r\n', 5000);
    sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(s.text).not.toContain('pass 2');
    sandbox.write('echo $?\r');
    await s.waitFor(`130\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.dispose();
  });

  it('more than 10000 words is named as not simulated, and nothing of it runs', async () => {
    const { run } = demoSandbox();
    const r = await run('for i in $(seq 1 10001); do touch made; done');
    expect(r).toEqual({
      output:
        'for loops over more than 10000 words: not simulated in this browser terminal; run it in a terminal on your own machine.\n',
      exitCode: 2,
    });
    expect((await run('ls made')).exitCode).not.toBe(0);
    expect((await run('for i in $(seq 1 10000); do :; done; echo $i')).output).toBe('10000\n');
  });
});
