/** A command whose code loads the first time it runs (see src/core/lazy-module.ts). */
import { lazyModule } from '../../lazy-module.ts';
import type { Command } from './types.ts';

export interface LazyCommand extends Command {
  /** starts the download without running anything; a failure stays quiet until the command runs */
  preload(): void;
}

export function lazyCommand(load: () => Promise<Command>): LazyCommand {
  const code = lazyModule(load);
  const command: Command = async (ctx) => {
    const run = await code.get().catch(() => null);
    if (!run) {
      ctx.io.err(
        `${ctx.name}: the sandbox could not load this command (is the page offline?). Try again, or reload the page.\n`,
      );
      return 1;
    }
    return run(ctx);
  };
  return Object.assign(command, { preload: code.preload });
}
