/** `docker diff CONTAINER`: the container's writable layer over its image (layer-changes.ts). */
import type { CommandContext } from '../../commands/types.ts';
import { layerChanges } from '../layer-changes.ts';
import { imageFs, inBindMount } from '../layer-size.ts';

export function dockerDiff(ctx: CommandContext, args: string[]): number {
  if (args.length !== 1) {
    ctx.io.err(
      "docker: 'docker diff' requires 1 argument\n\nUsage:  docker diff CONTAINER\n\nRun 'docker diff --help' for more information\n",
    );
    return 1;
  }
  const engine = ctx.host.engine;
  const c = engine.findContainer(args[0]!);
  if (!c) {
    ctx.io.err(`Error response from daemon: No such container: ${args[0]}\n`);
    return 1;
  }
  for (const change of layerChanges(imageFs(c, engine.images.all()), c.fs, inBindMount(c)))
    ctx.io.out(`${change.kind} ${change.path}\n`);
  return 0;
}
