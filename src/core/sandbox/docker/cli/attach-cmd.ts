/**
 * `docker attach CONTAINER`: the terminal joins a running container. A `-it` container's shell
 * takes the keyboard until it exits (attached-shell.ts); any other container's output follows
 * until it stops, and Ctrl+C stops it (the CLI passes SIGINT on). Words and codes: lab, CLI 28.5.
 */
import type { CommandContext } from '../../commands/types.ts';
import { bool, parseFlags, reader, str } from '../../../docker/index.ts';
import { joinContainer } from './run-cmd.ts';

const ATTACH_FLAGS = [bool('no-stdin'), bool('sig-proxy'), str('detach-keys')];

const USAGE = `Usage:  docker attach [OPTIONS] CONTAINER\n\nRun 'docker attach --help' for more information\n`;

export async function dockerAttach(ctx: CommandContext, args: string[]): Promise<number> {
  const parsed = parseFlags(args, ATTACH_FLAGS, false);
  if ('error' in parsed) {
    ctx.io.err(`${parsed.error}\n\n${USAGE}`);
    return 125;
  }
  const flags = reader(parsed);
  if (flags.positionals.length !== 1) {
    ctx.io.err(`docker: 'docker attach' requires 1 argument\n\n${USAGE}`);
    return 1;
  }
  const ref = flags.positionals[0]!;
  const c = ctx.host.engine.findContainer(ref);
  if (!c) {
    ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
    return 1;
  }
  if (c.state !== 'running' || c.paused) {
    ctx.io.err(
      c.paused
        ? 'You cannot attach to a paused container, unpause it first\n'
        : 'You cannot attach to a stopped container, start it first\n',
    );
    return 1;
  }
  const follow = (text: string) => ctx.io.out(text);
  c.followers.add(follow);
  return joinContainer(ctx, c, follow, !flags.bool('no-stdin'), {
    message: 'read escape sequence',
    code: 1,
  });
}
