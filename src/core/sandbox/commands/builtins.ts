/**
 * bash's builtins that shape a session: echo, export, unset, exit, true, false (printf and `sh -c`
 * have files of their own). Wording and exit codes are bash 5.2's (tests/fixtures/sandbox/real/shell/).
 */
import type { Command } from './types.ts';
import { exportName, exportedEnv } from '../shell/environment.ts';
import { shellPrefix } from './messages.ts';

/** bash's echo: `-n`, `-e`, `-E` (and their combinations) only while every letter is one of them. */
export const echo: Command = (ctx) => {
  let newline = true;
  let escapes = false;
  let k = 0;
  for (; k < ctx.args.length && /^-[neE]+$/.test(ctx.args[k]!); k++) {
    for (const f of ctx.args[k]!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = ctx.args.slice(k).join(' ');
  if (escapes) {
    const read = backslashEscapes(text);
    text = read.text;
    if (read.stop) newline = false;
  }
  ctx.io.out(text + (newline ? '\n' : ''));
  return 0;
};

/** dash's echo, the image's `/bin/sh`: no options but `-n`, and escapes always read. */
export const dashEcho: Command = (ctx) => {
  const newline = ctx.args[0] !== '-n';
  const read = backslashEscapes(ctx.args.slice(newline ? 0 : 1).join(' '));
  ctx.io.out(read.text + (newline && !read.stop ? '\n' : ''));
  return 0;
};

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** `\n`, `\t`, `\0NNN`, `\xHH`…; `\c` stops the output there. */
export function backslashEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const e = text[i + 1]!;
    if (e === 'c') return { text: out, stop: true };
    const oct = /^0([0-7]{0,3})/.exec(text.slice(i + 1));
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1));
    if (oct) {
      out += String.fromCharCode(parseInt(oct[1] || '0', 8));
      i += oct[0].length;
    } else if (hex) {
      out += String.fromCharCode(parseInt(hex[1]!, 16));
      i += hex[0].length;
    } else if (e in ESCAPES) {
      out += ESCAPES[e];
      i++;
    } else out += c;
  }
  return { text: out, stop: false };
}

export const exportCommand: Command = (ctx) => {
  const names = ctx.args.filter((a) => a !== '--');
  if (names.length === 0 || (names.length === 1 && names[0] === '-p')) {
    const env = [...exportedEnv(ctx.shell)].sort(([a], [b]) => (a < b ? -1 : 1));
    ctx.io.out(
      env.map(([k, v]) => `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`).join(''),
    );
    return 0;
  }
  let code = 0;
  for (const a of names) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a);
    if (!m) {
      ctx.io.err(`bash: export: \`${a}': not a valid identifier\n`);
      code = 1;
    } else exportName(ctx.shell, m[1]!, m[2]);
  }
  return code;
};

export const unset: Command = (ctx) => {
  let code = 0;
  for (const name of ctx.args.filter((a) => a !== '-v' && a !== '-f')) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      ctx.io.err(`bash: unset: \`${name}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    ctx.shell.env.delete(name);
    ctx.shell.unexported?.delete(name);
    if (name === 'VIRTUAL_ENV') ctx.shell.venv = null;
  }
  return code;
};

/** `exit [N]`: the shell stops; the top-level one says `exit` first, as interactive bash does. */
export const exit: Command = (ctx) => {
  // Only an interactive bash says `exit`; dash (a RUN step, `docker exec … sh`) never does.
  const top = !ctx.shell.subshell && ctx.shell.dialect !== 'dash';
  if (top) ctx.io.err('exit\n');
  const [arg, ...more] = ctx.args;
  if (arg !== undefined && !/^[-+]?\d+$/.test(arg)) {
    ctx.io.err(
      ctx.shell.dialect === 'dash'
        ? `${shellPrefix(ctx)}exit: Illegal number: ${arg}\n`
        : `bash: exit: ${arg}: numeric argument required\n`,
    );
    ctx.shell.exited = 2;
    return 2;
  }
  if (more.length) {
    ctx.io.err('bash: exit: too many arguments\n');
    return 1;
  }
  const code = arg === undefined ? ctx.shell.lastExit : ((Number(arg) % 256) + 256) % 256;
  ctx.shell.exited = code;
  return code;
};

export const trueCommand: Command = () => 0;
export const falseCommand: Command = () => 1;

export function quoteWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
