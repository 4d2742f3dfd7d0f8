/**
 * How the tools word things, shared by the commands: GNU's two quoting styles, and the prefix of
 * a shell's own messages (`bash: ` for the learner's bash, `/bin/sh: 1: ` for dash in an image).
 */
import type { CommandContext, ShellState } from './types.ts';

/**
 * GNU `quote()`: ‘x’ in a UTF-8 locale, 'x' in the C locale (the lab's stand-in images set no
 * LANG, the official ones `LANG=C.UTF-8`). Used where coreutils use it: `mkdir: cannot create
 * directory ‘x’`, `invalid mode`, `invalid user`, `missing operand after`.
 */
export function quote(ctx: { shell: ShellState }, text: string): string {
  const env = ctx.shell.env;
  const locale = env.get('LC_ALL') || env.get('LC_MESSAGES') || env.get('LANG') || '';
  return /utf-?8/i.test(locale) ? `‘${text}’` : `'${text}'`;
}

/** The shell's own message prefix: bash's, or dash's with its line number. */
export function shellPrefix(ctx: { shell: ShellState }): string {
  return ctx.shell.dialect === 'dash' ? `${ctx.shell.argv0 ?? 'sh'}: 1: ` : 'bash: ';
}

/** `Try 'X --help' for more information.` after a usage error, as coreutils print it. */
export function tryHelp(ctx: CommandContext): string {
  return `Try '${ctx.name} --help' for more information.\n`;
}
