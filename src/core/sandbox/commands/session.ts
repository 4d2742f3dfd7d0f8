/** Shell builtins and session commands: cd, pwd, echo, export, history, clear, edit, help, kill, true, false. */
import type { Command } from './types.ts';
import { relativeTo, resolvePath } from '../../text/index.ts';
import { reflow } from '../shell/text-width.ts';

export const cd: Command = (ctx) => {
  const target =
    ctx.args[0] === undefined
      ? ctx.shell.home
      : ctx.args[0] === '-'
        ? (ctx.shell.env.get('OLDPWD') ?? ctx.shell.cwd)
        : ctx.args[0];
  const path = resolvePath(ctx.shell.cwd, target, ctx.shell.home);
  const node = ctx.fs.stat(path);
  if (!node || node.kind !== 'dir') {
    ctx.io.err(`bash: cd: ${target}: ${node ? 'Not a directory' : 'No such file or directory'}\n`);
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

export const echo: Command = (ctx) => {
  const noNewline = ctx.args[0] === '-n';
  ctx.io.out(ctx.args.slice(noNewline ? 1 : 0).join(' ') + (noNewline ? '' : '\n'));
  return 0;
};

/** `printf FORMAT [ARG…]`: `%s`, `%d`, `\n`, `\t`; the format is reused while arguments remain. */
export const printf: Command = (ctx) => {
  const [format = '', ...args] = ctx.args;
  const escaped = format.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  let out = '';
  let rest = [...args];
  do {
    out += escaped.replace(/%([sd%])/g, (_, f: string) =>
      f === '%' ? '%' : (rest.shift() ?? (f === 'd' ? '0' : '')),
    );
  } while (rest.length && /%[sd]/.test(escaped));
  ctx.io.out(out);
  return 0;
};

export const exportCommand: Command = (ctx) => {
  for (const a of ctx.args) {
    const i = a.indexOf('=');
    if (i > 0) ctx.shell.env.set(a.slice(0, i), a.slice(i + 1));
  }
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

/** `edit FILE`: the UI opens the file in its editor; the file is created when missing, as editors do on save. */
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

export const trueCommand: Command = () => 0;
export const falseCommand: Command = () => 1;

export const HELP = `The sandbox is a simulated laptop with Docker. Everything runs in your browser.

  Files      ls [-a] [-l], cd, pwd, cat, echo, mkdir [-p], touch, rm [-r], mv, cp [-r], chmod, edit FILE
  Text       head, tail, grep, wc   (use them after a pipe: docker images | grep demo)
  Python     python -m venv .venv, source .venv/bin/activate, pip install …, pip freeze,
             uvicorn app.main:app [--reload] [--host H] [--port P], fastapi dev|run
  Docker     docker build, images, run, ps, logs, stop, start, restart, rm, rmi, tag,
             history, inspect, port, version, info, image prune, system df, builder prune
  Network    curl [-i] [-I] [-s] [-v] http://localhost:8000/
  Shell      history, clear, jobs, kill, help; && ; | > >> and here-documents (cat > f <<'EOF')

A server started in the foreground (uvicorn, fastapi, docker run without -d) keeps this terminal
until you press Ctrl+C. Add & to run it in the background, or open a second terminal.
`;

export const help: Command = (ctx) => {
  ctx.io.out(reflow(HELP, ctx.io.cols));
  return 0;
};
