/**
 * Loops and `sleep` at the terminal, beyond what shell-bash.test.ts replays from a real bash:
 * Ctrl+C ends a whole loop (bash gets the SIGINT too); a `for` too long to run without holding
 * the page says so instead of running; an endless `while` keeps the page live; `sleep` at the
 * browser's terminal asks the host for real time (here a spy: no test waits for time), and a
 * sandbox without real time stops a loop at 10000 passes instead of holding its caller.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/core/sandbox/index.ts';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { demoSandbox, screen } from './helpers.ts';
import { workspaceFiles } from '../../scenarios/load.ts';

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

describe('while and until loops', () => {
  it('while true runs until Ctrl+C, which ends it with 130', async () => {
    const { sandbox } = demoSandbox();
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('while true; do echo again; done\r');
    // Hundreds of passes: the loop hands the event loop a turn, so this test runs meanwhile.
    await s.waitFor('again\r\n'.repeat(300), 5000);
    sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('echo $?\r');
    await s.waitFor(`130\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.dispose();
  });

  it('sleep in a loop moves the clock by what it says each pass', async () => {
    const { run, clock } = demoSandbox();
    const before = clock.now();
    const r = await run('n=0; while sleep 2; do n=$((n+1)); [ $n -eq 5 ] && break; done; echo $n');
    expect(r).toEqual({ output: '5\n', exitCode: 0 });
    // five sleeps of 2 s, and the second the clock moves for the command line itself
    expect(clock.now() - before).toBe(11_000);
  });

  it('without real time, a loop stops at 10000 passes and says why; what it did stays', async () => {
    const sandbox = createSandbox({ files: workspaceFiles(), clock: manualClock() });
    const r = await sandbox.runLine('i=0; while true; do i=$((i+1)); done; echo never');
    expect(r).toEqual({
      output:
        'while and until loops past 10000 passes in a script, a build or a container: not simulated in this browser terminal; at the prompt they run until they end or Ctrl+C.\n',
      exitCode: 2,
    });
    const count = Number((await sandbox.runLine('echo $i')).output);
    expect(count).toBeGreaterThanOrEqual(10_000);
    expect(count).toBeLessThan(10_100);
    sandbox.dispose();
  });
});

describe('sleep at the terminal', () => {
  function spied() {
    const asked: number[] = [];
    let release = () => {};
    const sandbox = createSandbox({
      files: workspaceFiles(),
      clock: manualClock(),
      wait: (ms) => {
        asked.push(ms);
        // Held until the test lets it go: the command is still running meanwhile.
        return new Promise<void>((done) => (release = done));
      },
    });
    return { sandbox, asked, release: () => release() };
  }

  it('waits as long as it says, in real time, and the prompt comes back after', async () => {
    const { sandbox, asked, release } = spied();
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    s.clear();
    sandbox.write('sleep 1.5; echo woke\r');
    await expect.poll(() => asked).toEqual([1500]);
    // the typed line's echo only, nothing printed after it
    expect(stripAnsi(s.text).endsWith('echo woke\r\n')).toBe(true);
    release();
    await s.waitFor(`woke\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.dispose();
  });

  it('Ctrl+C cuts it short: ^C and 130', async () => {
    const { sandbox, asked } = spied();
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('sleep 30\r');
    await expect.poll(() => asked).toEqual([30_000]);
    sandbox.write('\x03');
    await s.waitFor(`^C\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.write('echo $?\r');
    await s.waitFor(`130\r\n${PROMPT}`, 5000, 'at-end');
    sandbox.dispose();
  });

  it('in a script or a background job nothing waits: the clock moves', async () => {
    const { sandbox, asked } = spied();
    expect(await sandbox.runLine('sleep 3; echo done')).toEqual({ output: 'done\n', exitCode: 0 });
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('sleep 3 &\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(asked).toEqual([]);
    sandbox.dispose();
  });
});
