/** `bash -c` and `sh -c`: a child shell. */
import type { Command } from './types.ts';
import { exportedEnv } from '../shell/environment.ts';
import { resolvePath } from '../../text/index.ts';
import { notSimulated } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';

/**
 * `bash -c SCRIPT [NAME [ARG…]]`, `sh -c …` and `bash FILE [ARG…]`: a child shell with its own
 * variables and directory, `$0` and `$1`… set.
 */
export const shellCommand: Command = async (ctx) => {
  const [first, ...rest] = ctx.args;
  let script: string;
  let argv0 = ctx.name;
  let args: string[];
  if (first === '-c') {
    const [text, name, ...positional] = rest;
    if (text === undefined) {
      ctx.io.err(`${ctx.name}: -c: option requires an argument\n`);
      return 2;
    }
    script = text;
    argv0 = name ?? ctx.name;
    args = positional;
  } else if (first === undefined || first.startsWith('-')) {
    return notSimulated(
      ctx.io,
      GAP.nestedShell,
      first === undefined ? ctx.name : `${ctx.name} ${first}`,
    );
  } else {
    const text = ctx.fs.read(resolvePath(ctx.shell.cwd, first, ctx.shell.home));
    if (text === null) {
      ctx.io.err(`${ctx.name}: ${first}: No such file or directory\n`);
      return 127;
    }
    script = text;
    argv0 = first;
    args = rest;
  }
  const child = ctx.subshell();
  child.shell.argv0 = argv0;
  child.shell.args = args;
  child.shell.env = exportedEnv(ctx.shell);
  delete child.shell.unexported;
  const code = await child.run(script, ctx.io, ctx.job);
  return child.shell.exited ?? code;
};
