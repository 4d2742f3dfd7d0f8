/**
 * The `/bin/sh` (dash) of an image or container: RUN steps, shell-form commands and `docker
 * exec` run here, as the user Docker was told (`USER`, `--user`, `exec -u`), with that user's
 * `$HOME` as Docker sets it, on the image's command table and file system.
 */
import type { Host } from '../host/host.ts';
import type { Vfs } from '../host/vfs.ts';
import { resolveUser } from '../host/users.ts';
import type { Io, ShellState } from '../commands/types.ts';
import { imageCommands } from '../commands/image-table.ts';
import { Interpreter } from './interpreter.ts';
import type { ShellRunner } from '../docker/build/stage.ts';

export interface ContainerShellOptions {
  fs: Vfs;
  cwd: string;
  env: Map<string, string>;
  /** Docker's user text: `app`, `10001`, `app:users`; '' or absent is root */
  user?: string;
  packages: Set<string>;
  /** `$0`: `/bin/sh` for RUN steps and `sh -c` commands */
  argv0?: string;
  /** bash at a terminal (`docker exec -it … bash`): bash's words, and `exit` says so (dash otherwise) */
  interactiveBash?: boolean;
}

/**
 * A dash on a container's file system. An unknown user name is the daemon's error (the caller
 * prints it as Docker would); HOME comes from /etc/passwd unless the environment sets it.
 */
export function containerShell(
  host: Host,
  o: ContainerShellOptions,
): Interpreter | { error: string } {
  const who = resolveUser(o.fs, o.user ?? '');
  if ('error' in who) return who;
  const env = new Map(o.env);
  if (!env.has('HOME')) env.set('HOME', who.home);
  const shell: ShellState = {
    cwd: o.cwd,
    home: env.get('HOME')!,
    env,
    venv: null,
    history: [],
    lastExit: 0,
    cred: who.cred,
    dialect: o.interactiveBash ? 'bash' : 'dash',
    argv0: o.argv0 ?? '/bin/sh',
  };
  return new Interpreter(imageCommands(o.packages), shell, o.fs, host);
}

/** Runs one script (a RUN step's, a container's `sh -c`) and collects its output as lines. */
export function imageShell(host: Host): ShellRunner {
  return async ({ fs, cwd, env, script, stdin, packages, user, argv0, clock }) => {
    // A container's process keeps its own time: the host's reads through everything else. It
    // has no real time to wait on: a script runs to its end at once (a loop stops at 10000 passes).
    const on = Object.create(host, {
      clock: { value: clock ?? host.clock },
      wait: { value: undefined },
    }) as Host;
    const interpreter = containerShell(on, {
      fs,
      cwd,
      env,
      user: user ?? '',
      packages,
      argv0: argv0 ?? '/bin/sh',
    });
    if ('error' in interpreter) return { code: 1, lines: [interpreter.error] };
    let text = '';
    // When each line ended: the time of the write that ended it.
    const at: number[] = [];
    const write = (t: string) => {
      text += t;
      for (const _ of t.matchAll(/\n/g)) at.push(on.clock.now());
    };
    const io: Io = { stdin: stdin ?? null, out: write, err: write, tty: false, cols: 80 };
    const code = await interpreter.run(script, io, {
      interactive: false,
      background: false,
      interrupted: new Promise(() => {}),
      later: () => {},
    });
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    else at.push(on.clock.now());
    return { code, lines, at };
  };
}
