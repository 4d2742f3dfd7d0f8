import { describe, expect, it } from 'vitest';
import { lazyCommand } from '../../../src/core/sandbox/commands/lazy-command.ts';
import type { Command, CommandContext } from '../../../src/core/sandbox/commands/types.ts';
import { SUBCOMMANDS } from '../../../src/core/sandbox/docker/cli/subcommands.ts';
import { demoSandbox } from './helpers.ts';

/** Just enough of a command context to see what a command prints. */
function context(name: string, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    name,
    args,
    io: {
      stdin: null,
      tty: false,
      cols: 80,
      out: (t: string) => void out.push(t),
      err: (t: string) => void err.push(t),
    },
  } as unknown as CommandContext;
  return { ctx, out, err };
}

describe('lazyCommand', () => {
  it('loads the command once, on first use, and runs it', async () => {
    let loads = 0;
    const real: Command = (ctx) => (ctx.io.out(`ran ${ctx.args.join(' ')}`), 3);
    const command = lazyCommand(async () => (loads++, real));
    expect(loads).toBe(0);
    const first = context('docker', ['ps']);
    expect(await command(first.ctx)).toBe(3);
    expect(first.out).toEqual(['ran ps']);
    await command(context('docker').ctx);
    expect(loads).toBe(1);
  });

  it('says so when the download fails, and tries again the next time', async () => {
    let attempt = 0;
    const command = lazyCommand(async () => {
      if (attempt++ === 0) throw new TypeError('Failed to fetch dynamically imported module');
      return () => 0;
    });
    const failed = context('docker', ['build', '.']);
    expect(await command(failed.ctx)).toBe(1);
    expect(failed.err.join('')).toBe(
      'docker: the sandbox could not load this command (is the page offline?). Try again, or reload the page.\n',
    );
    expect(await command(context('docker').ctx)).toBe(0);
  });
});

describe('the docker command, loaded on first use', () => {
  it("answers --help for every subcommand it lists for Tab completion, with Docker's usage line", async () => {
    const { run } = demoSandbox();
    for (const sub of SUBCOMMANDS) {
      const { output, exitCode } = await run(`docker ${sub} --help`);
      expect(output, sub).toMatch(new RegExp(`Usage:  docker (buildx )?${sub} `));
      expect(exitCode, sub).toBe(0);
    }
  });
});
