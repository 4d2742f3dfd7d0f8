/**
 * A container's shell with the learner's terminal attached: `docker exec -it CONTAINER bash`, and
 * a `-it` container's own shell (`docker run -it IMAGE bash`, `docker attach`, `docker start -ai`).
 * The terminal shows its prompt (Job.enterShell) until `exit`, Ctrl+D, or, for the container's own
 * shell, the container's end from elsewhere (`docker stop` in another terminal) or Ctrl+P Ctrl+Q,
 * which detaches and leaves it running for the next `docker attach`.
 */
import type { CommandContext } from '../../commands/types.ts';
import type { Interpreter } from '../../shell/interpreter.ts';
import type { EnterShell } from '../../commands/terminal-entry.ts';
import type { NestedShell } from '../../shell/terminal.ts';
import { containerShell } from '../../shell/image-shell.ts';
import { programName } from '../../../dockerfile/server-options.ts';
import { appendLog, containerEnv, hostnameOf, type Container } from '../containers.ts';

/**
 * The prompt each shell draws: bash `USER@HOST:DIR# ` (its ~ abbreviated; `$` for others than root),
 * dash `# `; none without a terminal (`docker run -i`: bash does not prompt when stdin is no tty).
 */
export function shellPrompt(
  interpreter: Interpreter,
  o: { program: string; host: string; user: string; tty: boolean },
): () => string {
  return () => {
    if (!o.tty) return '';
    const shell = interpreter.shell;
    const sign = (shell.cred?.uid ?? 0) === 0 ? '#' : '$';
    if (programName(o.program) !== 'bash') return `${sign} `;
    return `${o.user}@${o.host}:${tildeCwd(shell.cwd, shell.home)}${sign} `;
  };
}

function tildeCwd(cwd: string, home: string): string {
  return cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

/** What detaching with Ctrl+P Ctrl+Q prints and returns: `docker attach` says so and fails (lab, CLI 28.5). */
export interface Detached {
  message: string;
  code: number;
}

/**
 * The container's own shell at the terminal until it exits, whose code ends the container
 * (`--rm` removes it then); a `docker stop` from elsewhere ends the shell. Lab, Engine 28.5:
 * prompt `root@<its 12-digit ID>:/demo# `, `exit 3` leaves it Exited (3) and the command returns 3.
 * The shell lives as long as the container runs, so a detached one is found again as it was left
 * (its directory, variables, history); with -t, what the terminal showed is the container's log.
 */
export async function attachShell(
  ctx: CommandContext,
  c: Container,
  enter: EnterShell,
  detached: Detached,
): Promise<number> {
  const engine = ctx.host.engine;
  const image = engine.imageOf(c);
  if (!image) return 1;
  const user = c.user || image.config.User;
  const shell =
    engine.ownShell(c) ??
    containerShell(ctx.host, {
      fs: c.fs,
      cwd: c.workingDir,
      env: containerEnv(c, [], c.tty),
      user,
      packages: image.packages,
      argv0: c.argv[0] ?? 'sh',
      interactiveBash: c.tty && programName(c.argv[0] ?? '') === 'bash',
    });
  if ('error' in shell) {
    engine.shellExited(c, 1);
    ctx.io.err(`${shell.error}\n`);
    return 1;
  }
  engine.keepShell(c, shell);
  const code = await enter({
    interpreter: shell,
    prompt: shellPrompt(shell, {
      program: c.argv[0] ?? 'sh',
      host: hostnameOf(c),
      user: user.split(':')[0] || 'root',
      tty: c.tty,
    }),
    ...ownProcess(ctx, c),
  });
  return leftContainer(ctx, c, code, detached);
}

/**
 * What a container's own process at the terminal is, a shell or Python's prompt: ended when the
 * container ends from elsewhere, detached with Ctrl+P Ctrl+Q, and with -t, what the terminal
 * shows is the container's output, in its log.
 */
export function ownProcess(
  ctx: CommandContext,
  c: Container,
): Pick<NestedShell, 'ended' | 'detachable' | 'tee'> {
  return {
    ended: ctx.host.engine.untilExit(c).then(() => c.exitCode),
    detachable: true,
    ...(c.tty ? { tee: (text: string) => appendLog(c, 'stdout', text, ctx.host.clock.now()) } : {}),
  };
}

/** The terminal is back: detached, the CLI's words and status; else the process's code ends the container. */
export function leftContainer(
  ctx: CommandContext,
  c: Container,
  code: number | 'detached',
  detached: Detached,
): number {
  if (code === 'detached') {
    if (detached.message) ctx.io.out(`${detached.message}\n`);
    return detached.code;
  }
  ctx.host.engine.shellExited(c, code);
  return code;
}
