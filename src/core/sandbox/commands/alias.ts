/**
 * `alias` and `unalias`, as bash 5.2 answers them (recorded: bash-cases.ts). The shell expands
 * them when it reads a command line (parse.ts), so one defined on a line is used from the next.
 */
import type { Command, CommandContext } from './types.ts';

/** bash's `alias NAME='VALUE'`, single quotes inside written as '\'' */
const shown = (name: string, value: string) => `alias ${name}='${value.replace(/'/g, `'\\''`)}'\n`;

function aliases(ctx: CommandContext): Map<string, string> {
  return (ctx.shell.aliases ??= new Map());
}

export const alias: Command = (ctx) => {
  const defined = aliases(ctx);
  const args = ctx.args[0] === '-p' ? ctx.args.slice(1) : ctx.args;
  if (args.length === 0 || ctx.args[0] === '-p')
    for (const [name, value] of [...defined].sort(([a], [b]) => (a < b ? -1 : 1)))
      ctx.io.out(shown(name, value));
  let code = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) {
      const name = arg.slice(0, eq);
      if (/[\s/$`=|&;()<>'"\\]/.test(name)) {
        ctx.io.err(`bash: alias: \`${name}': invalid alias name\n`);
        code = 1;
      } else defined.set(name, arg.slice(eq + 1));
    } else if (defined.has(arg)) ctx.io.out(shown(arg, defined.get(arg)!));
    else {
      ctx.io.err(`bash: alias: ${arg}: not found\n`);
      code = 1;
    }
  }
  return code;
};

export const unalias: Command = (ctx) => {
  const defined = aliases(ctx);
  if (ctx.args[0] === '-a') {
    defined.clear();
    return 0;
  }
  if (ctx.args.length === 0) {
    ctx.io.err('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let code = 0;
  for (const name of ctx.args) {
    if (defined.delete(name)) continue;
    ctx.io.err(`bash: unalias: ${name}: not found\n`);
    code = 1;
  }
  return code;
};
