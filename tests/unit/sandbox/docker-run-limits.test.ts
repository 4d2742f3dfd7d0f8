/**
 * `docker run --memory` and `--cpus`, replayed against the lab's recordings (Engine 28.5, CLI
 * 28.5, a machine of 2 CPUs and 24 GiB: tests/fixtures/sandbox/real/engine-28/run-memory.txt and
 * run-cpus.txt; VERSIONS.txt says how they were made). What the app uses is modelled, not
 * measured, so `docker stats` is compared on the limit; a limit above the machine's memory shows
 * the machine's. The sandbox's machine has 4 CPUs and 8 GiB (machine.ts): those figures are read
 * as placeholders.
 */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { nanoCpusOf, ramInBytes } from '../../../src/core/sandbox/docker/cli/run-cmd.ts';
import { demoSandbox, expectReplay } from './helpers.ts';

usePython();

const normalised = (text: string) =>
  text
    .replace(/\d+(?:\.\d+)?MiB \//g, '<usage> /')
    .replace(/ 23\.54GiB$/m, ' <machine>')
    .replace(/ 8GiB$/m, ' <machine>')
    .replace(/to \d\.00, as there are only \d CPUs/, 'to <n>.00, as there are only <n> CPUs')
    .trimEnd();

/** runc's own refusal of a CPU quota under its floor on the lab's cgroup v1: the sandbox runs it */
const HOST_SPECIFIC = /--cpus 0\.001 /;

describe('docker run --memory and --cpus, as the lab recorded them', () => {
  it('--memory sets the limit inspect and stats show (run-memory.txt); refuses what is not a size, and less than 6 MB', async () => {
    const t = demoSandbox();
    expect((await t.run('docker build -q -t demo-image .')).exitCode).toBe(0);
    await expectReplay(t.sandbox, 'run-memory.txt', normalised);
  });

  it('--cpus sets NanoCpus; refuses what is not a number, and more CPUs than the machine has (run-cpus.txt)', async () => {
    const t = demoSandbox();
    await expectReplay(t.sandbox, 'run-cpus.txt', normalised, HOST_SPECIFIC);
  });

  it('reads --cpus as Go reads a rational number: decimals, exponents, fractions', () => {
    expect(nanoCpusOf('0.5')).toBe(500_000_000);
    expect(nanoCpusOf('3/2')).toBe(1_500_000_000);
    expect(nanoCpusOf('1e-1')).toBe(100_000_000);
    expect(nanoCpusOf('-1')).toBe(-1_000_000_000);
    expect(nanoCpusOf('abc')).toBe('failed to parse abc as a rational number');
    expect(nanoCpusOf('0.0000000001')).toBe('value is too precise');
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
