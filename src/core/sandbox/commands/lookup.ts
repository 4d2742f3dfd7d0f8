/**
 * Where a command comes from: `type` and `command -v` (bash's and dash's builtins), `which`
 * (Debian's script: silent, exit 1 for what it does not find). Paths are where the learner's
 * machine or the image keeps each program.
 */
import type { Command, CommandContext } from './types.ts';
import { shellPrefix } from './messages.ts';
import { UNSIMULATED_BUILTINS } from '../shell/gaps.ts';

/** What each shell runs itself: dash's set, and bash's, which adds a few of its own. */
const DASH_BUILTINS = new Set(
  'cd echo exit export unset printf pwd true : false test [ type command . jobs kill break continue'.split(
    ' ',
  ),
);
/** the reserved words the sandbox's shell runs (parse.ts) */
const KEYWORDS = new Set('for in while until do done if then elif else fi ! { }'.split(' '));
const BASH_BUILTINS = new Set([
  ...DASH_BUILTINS,
  'source',
  'history',
  'help',
  'eval',
  'alias',
  'unalias',
  ...UNSIMULATED_BUILTINS,
]);

function builtins(ctx: CommandContext): Set<string> {
  return ctx.shell.dialect === 'dash' ? DASH_BUILTINS : BASH_BUILTINS;
}

/** Where a program lives; null when this machine has no such command. */
export function programPath(
  ctx: CommandContext,
  name: string,
  commands: ReadonlySet<string>,
): string | null {
  if (name.includes('/')) return ctx.fs.stat(name) ? name : null;
  if (!commands.has(name)) return null;
  if (ctx.shell.venv && ['python', 'python3', 'pip', 'pip3', 'uvicorn', 'fastapi'].includes(name))
    return `${ctx.shell.venv}/bin/${name}`;
  if (['useradd', 'groupadd'].includes(name)) return `/usr/sbin/${name}`;
  if (name === 'docker' && ctx.shell.dialect !== 'dash') return '/usr/bin/docker';
  return `/usr/bin/${name}`;
}

/** `type NAME…`, `type -t NAME`: bash's and dash's wording. */
export const type: Command = (ctx) => {
  const terse = ctx.args.includes('-t');
  const names = ctx.args.filter((a) => !a.startsWith('-'));
  const known = new Set(ctx.commands());
  let code = 0;
  for (const name of names) {
    const aliased = ctx.shell.aliases?.get(name);
    if (aliased !== undefined)
      ctx.io.out(terse ? 'alias\n' : `${name} is aliased to \`${aliased}'\n`);
    else if (builtins(ctx).has(name))
      ctx.io.out(terse ? 'builtin\n' : `${name} is a shell builtin\n`);
    else if (KEYWORDS.has(name)) ctx.io.out(terse ? 'keyword\n' : `${name} is a shell keyword\n`);
    else {
      const path = programPath(ctx, name, known);
      if (path) ctx.io.out(terse ? 'file\n' : `${name} is ${path}\n`);
      else if (ctx.shell.dialect === 'dash') {
        ctx.io.out(`${name}: not found\n`);
        code = 127;
      } else {
        if (!terse) ctx.io.err(`${shellPrefix(ctx)}type: ${name}: not found\n`);
        code = 1;
      }
    }
  }
  return code;
};

/** `command -v NAME`: the builtin's name or the program's path; `command NAME ARG…` runs it. */
export const command: Command = (ctx) => {
  const [flag, ...names] = ctx.args;
  if (flag !== '-v' && flag !== '-V') {
    if (flag === undefined) return 0;
    return ctx.exec(ctx.args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' '));
  }
  const known = new Set(ctx.commands());
  // dash answers for its first name only.
  const asked = ctx.shell.dialect === 'dash' ? names.slice(0, 1) : names;
  let code = 0;
  for (const name of asked) {
    const found = builtins(ctx).has(name) ? name : programPath(ctx, name, known);
    if (found) ctx.io.out(`${found}\n`);
    else code = 1;
  }
  return code;
};

export const which: Command = (ctx) => {
  const known = new Set(ctx.commands());
  let code = 0;
  for (const name of ctx.args.filter((a) => !a.startsWith('-'))) {
    const path =
      builtins(ctx).has(name) &&
      !['echo', 'printf', 'pwd', 'true', 'false', 'test', '[', 'kill'].includes(name)
        ? null
        : programPath(ctx, name, known);
    if (path) ctx.io.out(`${path}\n`);
    else code = 1;
  }
  return code;
};
