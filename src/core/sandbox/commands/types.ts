/**
 * What every shell command gets and returns. Commands are plain functions of a context; the same
 * commands serve the learner's host shell and the `/bin/sh` inside a simulated image or container
 * (a RUN step, a shell-form CMD), which differ only in their file system and command table.
 */
import type { Vfs } from '../host/vfs.ts';
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
}

/** How long-running commands (servers, `docker run` without -d, `logs -f`) behave. */
export interface Job {
  /** a person is at the terminal: a foreground server stays attached until Ctrl+C */
  interactive: boolean;
  /** started with `&`: start and return at once */
  background: boolean;
  /** resolves when the learner presses Ctrl+C */
  interrupted: Promise<void>;
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
  /** runs a command line in this same shell (`sh -c`, `bash -c`, `source`) */
  exec(line: string): Promise<number>;
}

export type Command = (ctx: CommandContext) => number | Promise<number>;

export interface CommandTable {
  commands: Map<string, Command>;
  /** the message for an unknown command, bash's or dash's wording */
  notFound(name: string): string;
}
