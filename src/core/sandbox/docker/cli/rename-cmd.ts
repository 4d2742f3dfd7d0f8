/**
 * `docker rename CONTAINER NEW_NAME` (lab, CLI and Engine 28.5: usage and messages as below; a
 * refused rename names the container it was asked for).
 */
import type { CommandContext } from '../../commands/types.ts';

export function dockerRename(ctx: CommandContext, args: string[]): number {
  if (args.length !== 2) {
    ctx.io.err(
      "docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information\n",
    );
    return 1;
  }
  const [ref, name] = args as [string, string];
  const refused = ctx.host.engine.rename(ref, name);
  if (refused === null) return 0;
  ctx.io.err(
    `Error response from daemon: ${refused}\nError: failed to rename container named ${ref}\n`,
  );
  return 1;
}
