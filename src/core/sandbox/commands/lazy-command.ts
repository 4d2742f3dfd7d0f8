/**
 * A command whose code loads the first time it runs. The workspace's terminal takes typing as soon
 * as the shell is there; the larger commands (`docker`, and the image builder behind it) follow
 * in their own chunks, fetched early by `preload` once the prompt is up.
 */
import type { Command } from './types.ts';

export interface LazyCommand extends Command {
  /** starts the download without running anything; a failure stays quiet until the command runs */
  preload(): void;
}

export function lazyCommand(load: () => Promise<Command>): LazyCommand {
  let loading: Promise<Command> | undefined;
  const get = () => {
    loading ??= load();
    // A failed download is tried again by the next run, not remembered.
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const command: Command = async (ctx) => {
    let run: Command;
    try {
      run = await get();
    } catch {
      ctx.io.err(`${ctx.name}: the sandbox could not load this command (is the page offline?). Try again, or reload the page.\n`);
      return 1;
    }
    return run(ctx);
  };
  return Object.assign(command, { preload: () => void get().catch(() => {}) });
}
