/**
 * How a command takes the terminal's keyboard for a prompt of its own (a container's shell,
 * Python's prompt): the job's way in (Job.enterShell), given only to a command attached to a
 * terminal (not piped, not in the background).
 */
import type { CommandContext } from './types.ts';
import type { NestedShell } from '../shell/terminal.ts';

export type EnterShell = (nested: NestedShell) => Promise<number | 'detached'>;

export function terminalEntry(ctx: CommandContext): EnterShell | null {
  if (!ctx.job.interactive || ctx.job.background || ctx.io.stdin !== null) return null;
  return (ctx.job as { enterShell?: EnterShell }).enterShell ?? null;
}
