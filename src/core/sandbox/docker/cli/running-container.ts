/** The container a command needs running (`exec`, `top`), or the daemon's words for why not (lab, Engine 28.5). */
import type { CommandContext } from '../../commands/types.ts';
import type { Container } from '../containers.ts';

export function runningContainer(ctx: CommandContext, ref: string): Container | null {
  const c = ctx.host.engine.findContainer(ref);
  if (!c) ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
  else if (c.state !== 'running')
    ctx.io.err(`Error response from daemon: container ${c.id} is not running\n`);
  return c?.state === 'running' ? c : null;
}
