/**
 * Python on the learner's machine: `python -m venv`, `source .venv/bin/activate`, `pip`, and the
 * servers of lesson 4 (`uvicorn app.main:app --reload`, `fastapi dev|run`). A server started in
 * the foreground stays attached to its terminal until Ctrl+C; in a script, or with `&`, it keeps
 * running in the background, as if in a second terminal.
 */
import type { Command, CommandContext } from './types.ts';
import { resolvePath, tildify } from '../../text/index.ts';
import {
  info,
  parseServerArgs,
  shutdownLines,
  uvicornError,
  type ServerPlace,
  type ServerSpec,
} from '../app/uvicorn.ts';
import { startApp } from '../app/server.ts';
import { hostEnvironment, pip } from './pip.ts';

const VENV_FILES = (dir: string) => ({
  'pyvenv.cfg': `home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.13.5\nexecutable = /usr/bin/python3.13\ncommand = /usr/bin/python3 -m venv ${dir}\n`,
  'bin/activate': `# This file must be used with "source bin/activate" *from bash*\n# You cannot run it directly\nVIRTUAL_ENV=${dir}\nexport VIRTUAL_ENV\n`,
  'bin/python': '',
  'bin/pip': '',
});

export const python: Command = async (ctx) => {
  const [first, ...rest] = ctx.args;
  if (first === '--version' || first === '-V') {
    ctx.io.out('Python 3.13.5\n');
    return 0;
  }
  if (first === '-m') {
    const [module, ...args] = rest;
    if (module === 'venv') return venv(ctx, args);
    if (module === 'pip') return pip({ ...ctx, args }, hostEnvironment(ctx));
    if (module === 'uvicorn' && hostEnvironment(ctx).packages.has('uvicorn'))
      return uvicorn({ ...ctx, args });
    ctx.io.err(
      `${ctx.shell.venv ? `${ctx.shell.venv}/bin/python` : '/usr/bin/python3'}: No module named ${module}\n`,
    );
    return 1;
  }
  if (first === '-c') return 0;
  if (first === undefined) {
    // Without a terminal the REPL reads an empty stdin and exits, as `docker run python:3.13-slim` does.
    if (!ctx.job.interactive) return 0;
    ctx.io.err(
      'python: the interactive interpreter is not available in the sandbox; run a file or a module instead\n',
    );
    return 1;
  }
  const path = resolvePath(ctx.shell.cwd, first, ctx.shell.home);
  if (ctx.fs.read(path) === null) {
    ctx.io.err(`${ctx.name}: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return 0;
};

function venv(ctx: CommandContext, args: string[]): number {
  const dir = args.find((a) => !a.startsWith('-'));
  if (!dir) {
    ctx.io.err(
      'usage: venv [-h] [--system-site-packages] [--symlinks | --copies] [--clear] [--upgrade] [--without-pip] [--prompt PROMPT] [--upgrade-deps] ENV_DIR [ENV_DIR ...]\nvenv: error: the following arguments are required: ENV_DIR\n',
    );
    return 2;
  }
  const root = resolvePath(ctx.shell.cwd, dir, ctx.shell.home);
  for (const [file, text] of Object.entries(VENV_FILES(root))) {
    ctx.fs.mkdir(resolvePath(root, file, '/').replace(/\/[^/]+$/, ''), { parents: true });
    ctx.fs.write(resolvePath(root, file, '/'), text, {
      mode: file.startsWith('bin/') && file !== 'bin/activate' ? 0o755 : 0o644,
    });
  }
  ctx.host.python.set(root, new Set(['pip']));
  return 0;
}

/** `source FILE` / `. FILE`: a venv's activate script switches the environment; anything else runs as a script. */
export const source: Command = async (ctx) => {
  const file = ctx.args[0];
  if (!file) {
    ctx.io.err(
      `bash: ${ctx.name}: filename argument required\n${ctx.name}: usage: ${ctx.name} filename [arguments]\n`,
    );
    return 2;
  }
  const path = resolvePath(ctx.shell.cwd, file, ctx.shell.home);
  const text = ctx.fs.read(path);
  if (text === null) {
    ctx.io.err(`bash: ${file}: No such file or directory\n`);
    return 1;
  }
  if (path.endsWith('/bin/activate')) {
    const root = path.slice(0, -'/bin/activate'.length);
    ctx.shell.venv = root;
    ctx.shell.env.set('VIRTUAL_ENV', root);
    if (!ctx.host.python.has(root)) ctx.host.python.set(root, new Set(['pip']));
    return 0;
  }
  return ctx.exec(text);
};

export const deactivate: Command = (ctx) => {
  if (!ctx.shell.venv) {
    ctx.io.err('bash: deactivate: command not found\n');
    return 127;
  }
  ctx.shell.venv = null;
  ctx.shell.env.delete('VIRTUAL_ENV');
  return 0;
};

export const pipCommand: Command = (ctx) => pip(ctx, hostEnvironment(ctx));

export const uvicorn: Command = (ctx) => {
  const parsed = parseServerArgs('uvicorn', ctx.args, laptop(ctx));
  if (!parsed.ok) {
    ctx.io.err(parsed.message);
    return parsed.exitCode;
  }
  return serve(ctx, parsed.value);
};

export const fastapi: Command = (ctx) => {
  const [mode, ...args] = ctx.args;
  const env = hostEnvironment(ctx);
  if (!env.packages.has('fastapi-cli')) {
    ctx.io.err(
      'To use the fastapi command, please install "fastapi[standard]":\n\n\tpip install "fastapi[standard]"\n\n',
    );
    return 1;
  }
  if (mode !== 'run' && mode !== 'dev') {
    ctx.io.err(
      `Usage: fastapi [OPTIONS] COMMAND [ARGS]...\nTry 'fastapi --help' for help.\n\nError: No such command '${mode ?? ''}'.\n`,
    );
    return 2;
  }
  const parsed = parseServerArgs(mode === 'run' ? 'fastapi-run' : 'fastapi-dev', args, laptop(ctx));
  if (!parsed.ok) {
    ctx.io.err(parsed.message);
    return parsed.exitCode;
  }
  ctx.io.out(fastapiBanner(parsed.value, tildify(ctx.shell.cwd, ctx.shell.home)));
  return serve(ctx, parsed.value);
};

/** A server started from the terminal reads the shell's variables (`export UVICORN_PORT=9000`). */
function laptop(ctx: CommandContext): ServerPlace {
  return { fs: ctx.fs, cwd: ctx.shell.cwd, env: Object.fromEntries(ctx.shell.env) };
}

/** The rich banner of fastapi-cli, plain (fastapi docs, `docs/en/docs/fastapi-cli.md`). */
function fastapiBanner(spec: ServerSpec, cwd: string): string {
  const url = `http://${spec.host}:${spec.port}`;
  const mode = spec.tool === 'fastapi dev' ? 'development' : 'production';
  return (
    [
      '',
      `   FastAPI   Starting ${mode} server 🚀`,
      '',
      `             Importing from ${cwd}`,
      '',
      `       app   Using import string: ${spec.target}`,
      '',
      `    server   Server started at ${url}`,
      `    server   Documentation at ${url}/docs`,
      '',
      '             Logs:',
      '',
    ].join('\n') + '\n'
  );
}

/** Starts a Uvicorn process on the host network; attached to the terminal unless backgrounded. */
async function serve(ctx: CommandContext, spec: ServerSpec): Promise<number> {
  if (!hostEnvironment(ctx).packages.has('uvicorn')) {
    ctx.io.err(`bash: ${ctx.name}: command not found\n`);
    return 127;
  }
  const pid = ctx.host.nextPid();
  let sink = ctx.io.err;
  const started = startApp({
    spec,
    pid,
    fs: ctx.fs,
    cwd: ctx.shell.cwd,
    clock: ctx.host.clock,
    log: (line) => sink(`${line}\n`),
  });
  if (!started.ok) {
    ctx.io.err(`${started.message}\n`);
    return started.exitCode;
  }
  const addresses =
    spec.host === '0.0.0.0' ? ['0.0.0.0'] : [spec.host === 'localhost' ? '127.0.0.1' : spec.host];
  if (addresses.some((a) => ctx.host.network.conflict(a, spec.port))) {
    ctx.io.err(
      `${started.value.startup
        .slice(0, spec.reload ? 3 : 2)
        .map((l) => `${l}\n`)
        .join('')}${uvicornError('[Errno 98] Address already in use')}\n`,
    );
    return 1;
  }
  const app = started.value;
  const release = addresses.map((address) =>
    ctx.host.network.listen({
      address,
      port: spec.port,
      owner: `${spec.tool} ${pid}`,
      connect: () => ({
        kind: 'http',
        request: (m, p) => app.handle(m, p, `127.0.0.1:${50000 + ctx.host.nextPid()}`),
      }),
    }),
  );
  // With --reload, an edited .py file restarts the worker as StatReload does (the app re-reads it per request).
  let worker = pid;
  const unwatch = spec.reload
    ? ctx.fs.onChange((change) => {
        if (
          !change.path.endsWith('.py') ||
          !change.path.startsWith(`${ctx.shell.cwd}/`) ||
          change.kind === 'mkdir'
        )
          return;
        const rel = change.path.slice(ctx.shell.cwd.length + 1);
        const restarted = [
          `WARNING:  StatReload detected changes in '${rel}'. Reloading...`,
          ...shutdownLines(worker),
          ...app.startup
            .filter((l) => !/Will watch|Uvicorn running|reloader/.test(l))
            .map((l) => l.replace(/\[\d+\]/, `[${(worker = ctx.host.nextPid())}]`)),
        ];
        sink(restarted.map((l) => `${l}\n`).join(''));
      })
    : () => {};
  const stop = () => {
    unwatch();
    release.forEach((r) => r());
    const i = ctx.host.processes.findIndex((p) => p.pid === pid);
    if (i >= 0) ctx.host.processes.splice(i, 1);
  };
  ctx.host.processes.push({ pid, command: [ctx.name, ...ctx.args].join(' '), app, stop });
  ctx.io.err(app.startup.map((l) => `${l}\n`).join(''));
  if (!ctx.job.interactive || ctx.job.background) {
    sink = ctx.job.later;
    return 0;
  }
  await ctx.job.interrupted;
  ctx.io.err(
    `^C${[...shutdownLines(spec.reload ? worker : pid), ...(spec.reload ? [info(`Stopping reloader process [${pid - 2}]`)] : [])].map((l) => `${l}\n`).join('')}`,
  );
  stop();
  return 0;
}
