/**
 * `docker run --memory`, replayed against the lab's recording (Engine 28.5, CLI 28.5, a machine
 * of 24 GiB: tests/fixtures/sandbox/real/engine-28/run-memory.txt; VERSIONS.txt says how it was
 * made). What the app uses is modelled, not measured, so `docker stats` is compared on the limit;
 * a limit above the machine's memory shows the machine's, 8 GiB in the sandbox.
 */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { ramInBytes } from '../../../src/core/sandbox/docker/cli/run-cmd.ts';
import { demoSandbox, expectReplay } from './helpers.ts';

usePython();

const normalised = (text: string) =>
  text
    .replace(/\d+(?:\.\d+)?MiB \//g, '<usage> /')
    .replace(/ 23\.54GiB$/m, ' <machine>')
    .replace(/ 8GiB$/m, ' <machine>')
    .trimEnd();

describe('docker run --memory, as the lab recorded it (run-memory.txt)', () => {
  it('sets the limit inspect and stats show; refuses what is not a size, and less than 6 MB', async () => {
    const t = demoSandbox();
    expect((await t.run('docker build -q -t demo-image .')).exitCode).toBe(0);
    await expectReplay(t.sandbox, 'run-memory.txt', normalised);
  });

  it('reads sizes as the CLI does: 1024-based units, fractions, an optional b or ib', () => {
    expect(ramInBytes('256m')).toBe(268435456);
    expect(ramInBytes('1.5g')).toBe(1610612736);
    expect(ramInBytes('512MiB')).toBe(536870912);
    expect(ramInBytes('64 kb')).toBe(65536);
    expect(ramInBytes('100')).toBe(100);
    expect(ramInBytes('-1')).toBeNull();
    expect(ramInBytes('1x')).toBeNull();
    expect(ramInBytes('')).toBeNull();
  });
});
