/** Session commands: cd, pwd, history, clear, edit, help, kill, jobs. */
import type { Command } from './types.ts';
import { dirname, relativeTo, resolvePath } from '../../text/index.ts';
import { describeError } from '../host/vfs.ts';
import { reflow } from '../shell/text-width.ts';
import { shellPrefix } from './messages.ts';

export const cd: Command = (ctx) => {
  const target =
    ctx.args[0] === undefined
      ? ctx.shell.home
      : ctx.args[0] === '-'
        ? (ctx.shell.env.get('OLDPWD') ?? ctx.shell.cwd)
        : ctx.args[0];
  if (ctx.args[0] === '-') ctx.io.out(`${target}\n`);
  const path = resolvePath(ctx.shell.cwd, target, ctx.shell.home);
  const node = ctx.fs.stat(path);
  const why = !node
    ? 'No such file or directory'
    : node.kind !== 'dir'
      ? 'Not a directory'
      : !ctx.fs.access(path, 1)
        ? 'Permission denied'
        : null;
  if (why) {
    // dash says only that it cannot, and exits 2.
    if (ctx.shell.dialect === 'dash') {
      ctx.io.err(`${shellPrefix(ctx)}cd: can't cd to ${target}\n`);
      return 2;
    }
    ctx.io.err(`bash: cd: ${target}: ${why}\n`);
    return 1;
  }
  ctx.shell.env.set('OLDPWD', ctx.shell.cwd);
  ctx.shell.cwd = path;
  ctx.shell.env.set('PWD', path);
  return 0;
};

export const pwd: Command = (ctx) => {
  ctx.io.out(`${ctx.shell.cwd}\n`);
  return 0;
};

export const history: Command = (ctx) => {
  ctx.io.out(ctx.shell.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).join(''));
  return 0;
};

export const clear: Command = (ctx) => {
  ctx.io.out('\x1b[H\x1b[2J\x1b[3J');
  ctx.host.events.clear();
  return 0;
};

/** `edit FILE`: the UI opens the file in its editor; a missing file is created empty first, with its folders. */
export const edit: Command = (ctx) => {
  const file = ctx.args[0];
  if (!file) {
    ctx.io.err('edit: usage: edit FILE\n');
    return 2;
  }
  const path = resolvePath(ctx.shell.cwd, file, ctx.shell.home);
  if (ctx.fs.stat(path)?.kind === 'dir') {
    ctx.io.err(`edit: ${file}: Is a directory\n`);
    return 1;
  }
  if (!ctx.fs.stat(path)) {
    // Created now, with its folders, so that `ls` shows it and the editor has a file to open.
    const error = ctx.fs.mkdir(dirname(path), { parents: true }) ?? ctx.fs.write(path, '');
    if (error) {
      ctx.io.err(`edit: cannot create ${file}: ${describeError(error)}\n`);
      return 1;
    }
  }
  ctx.host.events.openFile(relativeTo(ctx.host.workspace, path) ?? path);
  ctx.io.out(`Opening ${file} in the editor…\n`);
  return 0;
};

export const kill: Command = (ctx) => {
  let code = 0;
  for (const arg of ctx.args.filter((a) => !a.startsWith('-') || a.startsWith('%'))) {
    const pid = arg.startsWith('%')
      ? ctx.host.processes[Number(arg.slice(1)) - 1]?.pid
      : Number(arg);
    const target = ctx.host.processes.find((p) => p.pid === pid);
    if (!target) {
      ctx.io.err(
        `bash: kill: ${arg}: ${arg.startsWith('%') ? 'no such job' : '(' + arg + ') - No such process'}\n`,
      );
      code = 1;
    } else target.stop();
  }
  return code;
};

export const jobs: Command = (ctx) => {
  ctx.io.out(
    ctx.host.processes
      .map((p, i) => `[${i + 1}]  Running                 ${p.command} &\n`)
      .join(''),
  );
  return 0;
};

export const HELP = `The sandbox is a simulated laptop with Docker. Everything runs in your browser.

  Files      ls [-alnd], cd, pwd, cat, mkdir [-p], touch, rm [-r], mv, cp [-r], chmod, edit FILE
  Text       echo, printf, head, tail, grep, wc, cut, sort, uniq, tr, tee, xargs, seq
  Python     python3 (its >>> prompt), python -m venv .venv, source .venv/bin/activate,
             pip install …, pip freeze, uvicorn app.main:app [--reload] [--host H] [--port P],
             fastapi dev|run
  Docker     docker build, images, run, ps, logs, stop, start, restart, rm, rmi, tag,
             history, inspect, port, version, info, image prune, system df, builder prune
  Network    curl [-i] [-I] [-s] [-v] [-X] [-H] [-d] [--json] [-w] [-o] [-L] [-f] URL
  Shell      $(…), && || ; |, > >> 2>&1, here-documents, for/while/until loops, if,
             export, env, printenv, test, sleep, date, whoami, id, history, clear, jobs, kill,
             exit, help

A server started in the foreground (uvicorn, fastapi, docker run without -d) keeps this terminal
until you press Ctrl+C. Add & to run it in the background, or open a second terminal. What the
sandbox cannot do, it says so in one line.
`;

export const help: Command = (ctx) => {
  ctx.io.out(reflow(HELP, ctx.io.cols));
  return 0;
};
