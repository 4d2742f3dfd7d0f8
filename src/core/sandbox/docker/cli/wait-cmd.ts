/**
 * `docker wait CONTAINER…`: blocks until each container stops, then prints its exit code (lab,
 * CLI 28.5: usage and messages as below). A script that ends by itself is waited for on its own
 * clock; an endless one, until it is stopped from another terminal or Ctrl+C.
 */
import type { CommandContext } from '../../commands/types.ts';
import { watchedFrom } from '../../commands/watched.ts';

export async function dockerWait(ctx: CommandContext, args: string[]): Promise<number> {
  if (args.length === 0) {
    ctx.io.err(
      "docker: 'docker wait' requires at least 1 argument\n\nUsage:  docker wait CONTAINER [CONTAINER...]\n\nSee 'docker wait --help' for more information\n",
    );
    return 1;
  }
  const engine = ctx.host.engine;
  const interrupted = ctx.job.interrupted.then(() => 'interrupted' as const);
  let code = 0;
  for (const ref of args) {
    const c = engine.findContainer(ref);
    if (!c) {
      ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
      code = 1;
      continue;
    }
    const ended = engine.untilExit(c, watchedFrom(ctx.job)).then(() => 'ended' as const);
    if ((await Promise.race([ended, interrupted])) === 'interrupted') {
      ctx.io.err('^C');
      return 130;
    }
    ctx.io.out(`${c.exitCode}\n`);
  }
  return code;
}
