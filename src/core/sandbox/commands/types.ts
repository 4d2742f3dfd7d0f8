/**
 * What every shell command gets and returns. Commands are plain functions of a context; the same
 * commands serve the learner's host shell and the `/bin/sh` inside a simulated image or container
 * (a RUN step, a shell-form CMD), which differ only in their file system and command table.
 */
import type { Cred, Vfs } from '../host/vfs.ts';

export type { Cred } from '../host/vfs.ts';
import type { Host } from '../host/host.ts';

export interface Io {
  /** piped or redirected input; null when reading from the terminal */
  stdin: string | null;
  out(text: string): void;
  err(text: string): void;
  /** stdout is the terminal itself (not a pipe or a file): colours, `docker build` tty frames */
  tty: boolean;
  cols: number;
}

export interface ShellState {
  cwd: string;
  home: string;
  env: Map<string, string>;
  /** absolute path of the active virtual environment, if any */
  venv: string | null;
  history: string[];
  lastExit: number;
  /** names set with `X=1` and never exported: in `env` but not in a child's environment */
  unexported?: Set<string>;
  /** set by `exit N`: the shell stops, and whoever runs it (the terminal, `docker exec`) ends it */
  exited?: number | null;
  /** a subshell (`( … )`, `$(…)`, a pipeline stage, `sh -c`): `exit` ends only it */
  subshell?: boolean;
  /** `$0` (`bash`, or `sh -c`'s first argument) and `$1`… */
  argv0?: string;
  args?: string[];
  /** `$$` and `$!` */
  pid?: number;
  lastBackground?: number;
  /** who runs this shell (root when absent): files it creates are theirs, permissions are checked against them */
  cred?: Cred;
  /** the learner's bash, or dash as an image's `/bin/sh` (other builtins' wording) */
  dialect?: 'bash' | 'dash';
  /** `alias NAME=VALUE`s, expanded where a command's first word is read */
  aliases?: Map<string, string>;
}

/** How long-running commands (servers, `docker run` without -d, `logs -f`) behave. */
export interface Job {
  /** a person is at the terminal: a foreground server stays attached until Ctrl+C */
  interactive: boolean;
  /** started with `&`: start and return at once */
  background: boolean;
  /** resolves when the learner presses Ctrl+C */
  interrupted: Promise<void>;
  /** each later Ctrl+C too, for a command that outlives the first (a terminal's jobs only) */
  onInterrupt?(listener: () => void): () => void;
  /** where output goes once the command has returned (a background job writes to the terminal) */
  later(text: string): void;
}

export interface CommandContext {
  name: string;
  args: string[];
  io: Io;
  shell: ShellState;
  fs: Vfs;
  host: Host;
  job: Job;
  /** runs a command line in this same shell (`source`, `.`) */
  exec(line: string): Promise<number>;
  /** the names this shell can run (its command table) */
  commands(): Iterable<string>;
  /** a subshell of this shell, for `sh -c` and `bash -c`: what it changes stays there */
  subshell(): { shell: ShellState; run(line: string, io: Io, job: Job): Promise<number> };
}

export type Command = (ctx: CommandContext) => number | Promise<number>;

export interface CommandTable {
  commands: Map<string, Command>;
  /** prints why a command is missing (bash's or dash's wording, or that the sandbox lacks it) and returns the status */
  notFound(name: string, io: Io, shell: ShellState): number;
}
