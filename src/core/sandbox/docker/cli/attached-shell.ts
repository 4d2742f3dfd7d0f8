/**
 * A container's shell with the learner's terminal attached: `docker exec -it CONTAINER bash` and
 * `docker run -it IMAGE bash`. The terminal shows its prompt (Job.enterShell) until `exit`, Ctrl+D,
 * or, for `docker run`, the container's end from elsewhere (`docker stop` in another terminal).
 */
import type { CommandContext } from '../../commands/types.ts';
import type { Interpreter } from '../../shell/interpreter.ts';
import type { NestedShell } from '../../shell/terminal.ts';
import { programName } from '../../../dockerfile/server-options.ts';

type EnterShell = (nested: NestedShell) => Promise<number>;

/** The terminal's way in, when the command runs attached to one (not piped, not in the background). */
export function terminalEntry(ctx: CommandContext): EnterShell | null {
  if (!ctx.job.interactive || ctx.job.background || ctx.io.stdin !== null) return null;
  return (ctx.job as { enterShell?: EnterShell }).enterShell ?? null;
}

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
