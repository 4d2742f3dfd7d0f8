/** `printenv` and `env`: what a child process of this shell gets as its environment. */
import type { Command } from './types.ts';
import { exportedEnv } from '../shell/environment.ts';
import { quoteWord } from './builtins.ts';
import { tryHelp } from './messages.ts';

export const printenv: Command = (ctx) => {
  const env = exportedEnv(ctx.shell);
  const names = ctx.args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    ctx.io.out([...env].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let code = 0;
  for (const name of names) {
    const value = env.get(name);
    if (value === undefined) code = 1;
    else ctx.io.out(`${value}\n`);
  }
  return code;
};

/** `env` lists; `env [-i] [-u NAME] [NAME=VALUE…] COMMAND [ARG…]` runs COMMAND with that environment. */
export const env: Command = async (ctx) => {
  const args = [...ctx.args];
  const unset: string[] = [];
  let clear = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!;
    if (a === '-i' || a === '--ignore-environment') clear = true;
    else if (a === '-u' || a === '--unset') unset.push(args.shift() ?? '');
    else if (a === '--') break;
    else {
      ctx.io.err(`env: invalid option -- '${a.replace(/^-+/, '')}'\n${tryHelp(ctx)}`);
      return 125;
    }
  }
  const assignments: string[] = [];
  while (args[0] !== undefined && /^[^=]+=/.test(args[0])) assignments.push(args.shift()!);
  const base = clear ? new Map<string, string>() : exportedEnv(ctx.shell);
  for (const name of unset) base.delete(name);
  if (args.length === 0) {
    for (const a of assignments) base.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    ctx.io.out([...base].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const child = ctx.subshell();
  child.shell.env = base;
  delete child.shell.unexported;
  const prefix = assignments
    .map((a) => `${a.slice(0, a.indexOf('='))}=${quoteWord(a.slice(a.indexOf('=') + 1))}`)
    .join(' ');
  const line = `${prefix ? `${prefix} ` : ''}${args.map(quoteWord).join(' ')}`;
  return child.run(line, ctx.io, ctx.job);
};
