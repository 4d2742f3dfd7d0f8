/**
 * The question `docker image prune` and `docker container prune` ask without -f. The CLI reads
 * one line: `y` (either case) goes on; anything else, or no input at all (stdin at its end, as in
 * a script), leaves everything and exits 0 with the question as the last output.
 */
import type { CommandContext } from '../../commands/types.ts';
import { notSimulated } from '../../not-simulated.ts';
import { DOCKER_GAP } from '../gaps.ts';

/**
 * true: go on; false: stop, exit code 0; a number: stop with that exit code. The Docker CLI puts
 * the question on its own line; buildx (`docker builder prune`) on the warning's (`oneLine`).
 */
export function confirmPrune(
  ctx: CommandContext,
  warning: string,
  oneLine = false,
): boolean | number {
  ctx.io.out(`WARNING! ${warning}${oneLine ? ' ' : '\n'}Are you sure you want to continue? [y/N] `);
  if (ctx.io.stdin === null) {
    // A person at the terminal would answer, but this terminal cannot read a line for a command.
    if (ctx.job.interactive) {
      ctx.io.out('\n');
      return notSimulated(ctx.io, DOCKER_GAP.prompt);
    }
    return false;
  }
  return /^y$/i.test(ctx.io.stdin.split('\n')[0]!.trim());
}

/** `-a`/`--all` among a prune's arguments. */
export const pruneAll = (args: readonly string[]) =>
  args.some((a) => a === '--all' || /^-[a-z]*a[a-z]*$/.test(a));

/** `-f`/`--force` among a prune's arguments. */
export const forced = (args: readonly string[]) =>
  args.some((a) => a === '--force' || /^-[a-z]*f[a-z]*$/.test(a));
