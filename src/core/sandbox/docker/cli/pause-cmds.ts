/**
 * `docker pause|unpause CONTAINER…`: freezes a running container's processes and thaws them. A
 * paused container stays running for ps (`Up 11 seconds (Paused)`), its ports accept and do not
 * answer, exec and attach refuse it. Words and codes: lab, CLI and Engine 28.5.
 */
import type { CommandContext } from '../../commands/types.ts';

export const dockerPause = (ctx: CommandContext, args: string[]) => each(ctx, 'pause', args);
export const dockerUnpause = (ctx: CommandContext, args: string[]) => each(ctx, 'unpause', args);

function each(ctx: CommandContext, verb: 'pause' | 'unpause', refs: string[]): number {
  if (refs.length === 0 || refs[0] === '--help') {
    ctx.io.err(
      `docker: 'docker ${verb}' requires at least 1 argument\n\nUsage:  docker ${verb} CONTAINER [CONTAINER...]\n\nSee 'docker ${verb} --help' for more information\n`,
    );
    return 1;
  }
  const { engine } = ctx.host;
  let code = 0;
  for (const ref of refs) {
    const c = engine.findContainer(ref);
    const refused = c ? engine[verb](c) : `No such container: ${ref}`;
    if (refused === null) ctx.io.out(`${ref}\n`);
    else {
      ctx.io.err(`Error response from daemon: ${refused}\n`);
      code = 1;
    }
  }
  return code;
}
