/** bash's `printf`. */
import type { Command } from './types.ts';
import { backslashEscapes } from './builtins.ts';

/** `printf FORMAT [ARG…]`: `%s %b %d %i %x %o %c %%` with flags and width; the format is reused while arguments remain. */
export const printf: Command = (ctx) => {
  const [format, ...args] = ctx.args;
  if (format === undefined) {
    ctx.io.err('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const rest = [...args];
  let out = '';
  let code = 0;
  do {
    const before = rest.length;
    const read = backslashEscapes(format);
    out += read.text.replace(
      /%([-+ 0#]*)(\d*)(?:\.(\d+))?([sbdixoc%])/g,
      (_, flags: string, width: string, precision: string | undefined, conv: string) => {
        if (conv === '%') return '%';
        const arg = rest.shift();
        let value: string;
        if (conv === 's' || conv === 'b') {
          value = conv === 'b' ? backslashEscapes(arg ?? '').text : (arg ?? '');
          if (precision !== undefined) value = value.slice(0, Number(precision));
        } else if (conv === 'c') value = (arg ?? '').slice(0, 1);
        else {
          const n = arg === undefined || arg === '' ? 0 : Number(arg);
          if (!Number.isInteger(n)) {
            ctx.io.err(`bash: printf: ${arg}: invalid number\n`);
            code = 1;
          }
          const int = Number.isInteger(n) ? n : 0;
          value = conv === 'x' ? int.toString(16) : conv === 'o' ? int.toString(8) : String(int);
          if (flags.includes('+') && int >= 0 && conv !== 'x' && conv !== 'o') value = `+${value}`;
        }
        const w = Number(width || 0);
        if (value.length >= w) return value;
        if (flags.includes('-')) return value.padEnd(w);
        return flags.includes('0') && conv !== 's' ? value.padStart(w, '0') : value.padStart(w);
      },
    );
    if (read.stop || rest.length === before) break;
  } while (rest.length);
  ctx.io.out(out);
  return code;
};
