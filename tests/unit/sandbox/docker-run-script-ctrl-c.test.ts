/**
 * Ctrl+C at `docker run` attached to a script, as the lab recorded it through a terminal
 * (tests/fixtures/sandbox/real/engine-28/run-shell-loop-ctrl-c.txt, run-sleep-ctrl-c.txt). An
 * endless `sh -c` loop: a line a second, each shown when its `sleep` has passed in real time
 * (here a held wait the test lets go: no test waits for time); Ctrl+C, which the CLI passes to the
 * shell, ends it at once, nothing more written, exit 130. `sleep` as PID 1 ignores it: the CLI
 * stays until the third, then gives up with exit 1 and the container runs on.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/core/sandbox/index.ts';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { workspaceFiles } from '../../scenarios/load.ts';
import { expectReplay, inOtherTerminal, recordedBlocks, screen } from './helpers.ts';

const PROMPT = 'learner@layerwise:~/demo$ ';

describe('Ctrl+C at docker run attached to a script', () => {
  it('shows each line when its second has passed; Ctrl+C ends the shell with 130', async () => {
    const [run] = recordedBlocks('run-shell-loop-ctrl-c.txt');
    const recorded = /^([\s\S]*)\^C\[exit (\d+)\]\n$/.exec(run!.output.replace(/\r\n/g, '\n'))!;
    const [, ticks = '', status] = recorded;
    expect(ticks).toBe('tick 1\ntick 2\ntick 3\n');

    const held: (() => void)[] = [];
    const sandbox = createSandbox({
      files: workspaceFiles(),
      clock: manualClock(),
      wait: () => new Promise<void>((done) => held.push(done)),
    });
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    s.clear();
    sandbox.write(`${run!.command}\r`);
    const shown = () => stripAnsi(s.text).split('\r\n').slice(1).join('\n');
    await expect.poll(shown).toBe('tick 1\n');
    // A second passes, then another: one line each, not before.
    for (const expected of ['tick 1\ntick 2\n', ticks]) {
      await expect.poll(() => held.length).toBe(1);
      held.shift()!();
      await expect.poll(shown).toBe(expected);
    }
    sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(shown()).toBe(`${ticks}^C\n${PROMPT}`);
    s.clear();
    sandbox.write('echo $?\r');
    await s.waitFor(`${status}\r\n${PROMPT}`, 5000, 'at-end');

    // Then, as recorded: ps, logs, inspect (the run itself is the block replayed above).
    await expectReplay(
      sandbox,
      'run-shell-loop-ctrl-c.txt',
      (text) => text.replace(/\d+ seconds ago/, 'N seconds ago'),
      /^docker run /,
    );
    sandbox.dispose();
  });

  it('sleep as PID 1 ignores Ctrl+C: at the third the CLI gives up with 1, the container still up', async () => {
    const [run] = recordedBlocks('run-sleep-ctrl-c.txt');
    const recorded = /^([\s\S]*)\[exit (\d+)\]\n$/.exec(run!.output.replace(/\r\n/g, '\n'))!;
    const [, shownThen = '', status] = recorded;
    const sandbox = createSandbox({
      files: workspaceFiles(),
      clock: manualClock(),
      wait: () => new Promise<void>(() => {}),
    });
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    s.clear();
    sandbox.write(`${run!.command}\r`);
    const shown = () => stripAnsi(s.text).split('\r\n').slice(1).join('\n');
    await expect.poll(() => sandbox.runLine('docker ps -q').then((r) => r.output)).not.toBe('');
    for (const expected of ['^C', '^C^C']) {
      sandbox.write('\x03');
      await expect.poll(shown).toBe(expected);
    }
    sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(shown()).toBe(`${shownThen}${PROMPT}`);
    s.clear();
    sandbox.write('echo $?\r');
    await s.waitFor(`${status}\r\n${PROMPT}`, 5000, 'at-end');
    await expectReplay(
      sandbox,
      'run-sleep-ctrl-c.txt',
      (text) => text.replace(/\d+ seconds/, 'N seconds'),
      /^docker run /,
    );
    sandbox.dispose();
  });

  it('a watched script stopped from another terminal: the watch ends there, and the clock does not jump to its next line', async () => {
    const held: (() => void)[] = [];
    const clock = manualClock();
    const sandbox = createSandbox({
      files: workspaceFiles(),
      clock,
      wait: () => new Promise<void>((done) => held.push(done)),
    });
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write("docker run --name watched python:3.13-slim sh -c 'echo a; sleep 600; echo b'\r");
    await s.waitFor('a\r\n', 5000);
    await expect.poll(() => held.length).toBe(1);
    expect(await inOtherTerminal(sandbox, 'docker stop -t 1 watched', 'watched\r\n')).toContain(
      'watched\r\n',
    );
    await s.waitFor(PROMPT, 5000, 'at-end');
    const after = clock.now();
    held.shift()!();
    await new Promise((turn) => setTimeout(turn, 0));
    expect(clock.now()).toBe(after);
    expect(stripAnsi(s.text)).not.toContain('b\r\n');
    expect((await sandbox.runLine("docker inspect -f '{{.State.ExitCode}}' watched")).output).toBe(
      '137\n',
    );
    sandbox.dispose();
  });
});
