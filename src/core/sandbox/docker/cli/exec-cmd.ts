/**
 * `docker exec [-it] [-e] [-w] [-u] CONTAINER COMMAND…`: a program of the image run in a running
 * container, on its file system and environment. `-it` with a shell (`bash`, `sh`) opens a nested
 * prompt in the terminal (Job.enterShell) until `exit` or Ctrl+D.
 */
import type { CommandContext, Io } from '../../commands/types.ts';
import { bool, list, parseFlags, reader, str } from '../../../docker/index.ts';
import { containerShell } from '../../shell/image-shell.ts';
import { programName } from '../../../dockerfile/server-options.ts';
import { containerEnv, hostnameOf } from '../containers.ts';
import { execScript, isShell } from '../container-process.ts';
import { readEnvFiles } from './env-file.ts';
import { shellPrompt } from './attached-shell.ts';
import { terminalEntry } from '../../commands/terminal-entry.ts';
import { runningContainer } from './running-container.ts';

const EXEC_FLAGS = [
  bool('detach', 'd'),
  bool('interactive', 'i'),
  bool('tty', 't'),
  list('env', 'e'),
  list('env-file'),
  str('workdir', 'w'),
  str('user', 'u'),
  bool('privileged'),
  str('detach-keys'),
];

const usage = 'Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]';

export async function dockerExec(ctx: CommandContext, args: string[]): Promise<number> {
  const parsed = parseFlags(args, EXEC_FLAGS, false);
  if ('error' in parsed) {
    ctx.io.err(`${parsed.error}\n\n${usage}\n\nRun 'docker exec --help' for more information\n`);
    return 125;
  }
  const flags = reader(parsed);
  const [ref, ...argv] = flags.positionals;
  if (!ref || argv.length === 0) {
    ctx.io.err(
      `docker: 'docker exec' requires at least 2 arguments\n\n${usage}\n\nSee 'docker exec --help' for more information\n`,
    );
    return 1;
  }
  const fromFiles = readEnvFiles(ctx, flags.list('env-file'));
  if ('error' in fromFiles) {
    ctx.io.err(`${fromFiles.error}\n`);
    return 125;
  }
  const { engine } = ctx.host;
  const c = runningContainer(ctx, ref);
  if (!c) return 1;
  if (c.paused) {
    ctx.io.err(
      `Error response from daemon: Container ${ref} is paused, unpause the container before exec\n`,
    );
    return 1;
  }
  const image = engine.imageOf(c);
  if (!image) return 1;
  const tty = flags.bool('tty');
  if (tty && flags.bool('interactive') && !ctx.io.tty) {
    ctx.io.err('the input device is not a TTY\n');
    return 1;
  }
  const env = containerEnv(c, [...fromFiles.entries, ...flags.list('env')], tty);
  const cwd = flags.string('workdir') || c.workingDir;
  const shell = containerShell(ctx.host, {
    fs: c.fs,
    cwd,
    env,
    user: flags.string('user') ?? image.config.User,
    packages: image.packages,
    interactiveBash: tty && argv.length === 1 && programName(argv[0]) === 'bash',
  });
  if ('error' in shell) {
    ctx.io.err(`${shell.error}\n`);
    return 126;
  }
  if (!c.fs.stat(cwd)) {
    ctx.io.err(
      `OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("${cwd}") set in config.json failed: no such file or directory: unknown\n`,
    );
    return 126;
  }
  const program = programName(argv[0]);
  if (isShell(argv)) {
    // Without -i the shell reads an empty stdin and exits at once, as on a real engine.
    if (!flags.bool('interactive')) return 0;
    const enter = terminalEntry(ctx);
    // Piped or redirected input: the shell runs those lines until one exits.
    if (!enter) return shell.run(ctx.io.stdin ?? '', { ...ctx.io, stdin: '' }, ctx.job);
    const code = await enter({
      interpreter: shell,
      prompt: shellPrompt(shell, {
        program,
        host: hostnameOf(c),
        user: (flags.string('user') ?? image.config.User).split(':')[0] || 'root',
        tty,
      }),
    });
    // not detachable: only `exit` or Ctrl+D leave it
    return code === 'detached' ? 0 : code;
  }
  const run = execScript(argv, image);
  if ('missing' in run) {
    ctx.io.err(
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${run.missing}": executable file not found in $PATH\n`,
    );
    return 127;
  }
  // Without -i the process's stdin is closed.
  const io: Io = {
    ...ctx.io,
    tty: tty && ctx.io.tty,
    stdin: flags.bool('interactive') ? ctx.io.stdin : '',
  };
  return shell.run(run.script, io, ctx.job);
}
