/**
 * Python's prompt as a container's own process, with the learner's terminal attached:
 * `docker run -it python:3.13-slim` (the image's CMD is python3), `docker start -ai`, `docker
 * attach`. Lab, Engine 28.5 (python-prompt-*.txt): the banner and `>>> ` come through the
 * container's terminal; `exit`, `exit(3)` or Ctrl+D end the process, and its code ends the
 * container. Ctrl+P Ctrl+Q detaches and leaves it running, its names kept for the next attach.
 */
import type { CommandContext } from '../../commands/types.ts';
import type { EnterShell } from '../../commands/terminal-entry.ts';
import { runPrompt, startPrompt, type PromptSession } from '../../commands/python-prompt.ts';
import { programName } from '../../../dockerfile/server-options.ts';
import { imageLayout } from '../../python/layout.ts';
import { installedPython } from '../base-image.ts';
import { containerEnv, type Container } from '../containers.ts';
import { leftContainer, ownProcess, type Detached } from './attached-shell.ts';

/** The prompt of each container whose process it is, while the container runs. */
const sessions = new WeakMap<Container, PromptSession>();

export async function attachPython(
  ctx: CommandContext,
  c: Container,
  enter: EnterShell,
  detached: Detached,
): Promise<number> {
  const engine = ctx.host.engine;
  const image = engine.imageOf(c);
  if (!image) return 1;
  const own = ownProcess(ctx, c);
  let session = sessions.get(c);
  if (!session) {
    const env = Object.fromEntries(containerEnv(c, [], c.tty));
    const exe = c.argv[0] ?? 'python3';
    const started = await startPrompt(
      // the banner too is the container's output, in its log with -t
      own.tee ? { ...ctx, io: { ...ctx.io, out: (t) => (own.tee!(t), ctx.io.out(t)) } } : ctx,
      {
        fs: c.fs,
        cwd: c.workingDir,
        env,
        version: installedPython(c.fs) ?? '3.13',
        packages: image.packages,
        layout: imageLayout(env, installedPython(c.fs)),
        executable: exe.includes('/') ? exe : `/usr/local/bin/${programName(exe)}`,
      },
    );
    if (!started) {
      engine.shellExited(c, 1);
      return 1;
    }
    session = started;
    sessions.set(c, session);
  }
  const code = await runPrompt(ctx, session, enter, own);
  if (code !== 'detached') sessions.delete(c);
  return leftContainer(ctx, c, code, detached);
}
