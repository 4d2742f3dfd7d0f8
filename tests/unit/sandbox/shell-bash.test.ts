/**
 * The sandbox's bash against a real bash 5.2: each case of bash-cases.ts was recorded by
 * tests/fixtures/sandbox/real/shell/record-bash.ts; here the same lines run in the simulator, one
 * `runLine` each, and the terminal's text and the last exit code must be the same.
 */
import { describe, expect, it } from 'vitest';
import { demoSandbox } from './helpers.ts';
import { FILES } from './bash-cases.ts';
import recorded from '../../fixtures/sandbox/real/shell/bash-5.2.json' with { type: 'json' };

describe(`the shell against ${recorded.recordedWith}`, () => {
  it.each(recorded.cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const { sandbox } = demoSandbox(FILES);
    let output = '';
    let exitCode = 0;
    for (const line of c.lines) {
      const r = await sandbox.runLine(line, { tty: false });
      output += r.output;
      exitCode = r.exitCode;
    }
    expect({ output, exitCode }).toEqual({ output: c.output, exitCode: c.exitCode });
  });
});
