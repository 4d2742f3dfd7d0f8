/**
 * Python on the learner's machine: `python -m venv`, `source .venv/bin/activate`, `pip`, and the
 * servers of lesson 4 (`uvicorn app.main:app --reload`, `fastapi dev|run`). A server started in
 * the foreground stays attached to its terminal until Ctrl+C; in a script, or with `&`, it keeps
 * running in the background, as if in a second terminal.
 */
import type { Command, CommandContext } from './types.ts';
import { resolvePath, tildify } from '../../text/index.ts';
import {
  parseServerArgs,
  reloaderLines,
  serverLines,
  uvicornError,
  type ServerPlace,
  type ServerSpec,
} from '../app/uvicorn.ts';
import { failures, pythonFiles, startApp } from '../app/server.ts';
import { hostLayout } from '../python/layout.ts';
import { boundAddresses } from '../host/network.ts';
import { PYTHON_GAP } from '../python/gaps.ts';
import { notSimulated, notSimulatedLine } from '../not-simulated.ts';
import { hostEnvironment, pip, type PipTarget } from './pip.ts';
import { executableFor, runPrompt, startPrompt } from './python-prompt.ts';
import { terminalEntry } from './terminal-entry.ts';

const VENV_FILES = (dir: string) => ({
  'pyvenv.cfg': `home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.13.5\nexecutable = /usr/bin/python3.13\ncommand = /usr/bin/python3 -m venv ${dir}\n`,
  'bin/activate': `# This file must be used with "source bin/activate" *from bash*\n# You cannot run it directly\nVIRTUAL_ENV=${dir}\nexport VIRTUAL_ENV\n`,
  'bin/python': '',
  'bin/pip': '',
});

export const python: Command = (ctx) => runPython(ctx, null);

/**
 * `python ARGS`: `environment` is where pip installed packages (an image's, for its dash); null:
 * the terminal's active environment (a venv or the system's).
 */
export async function runPython(
  ctx: CommandContext,
  environment: PipTarget | null,
): Promise<number> {
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
    if (module === undefined) {
      // CPython 3.14 on the lab; the usage names the program as it was typed.
      ctx.io.err(
        `Argument expected for the -m option\nusage: ${ctx.name} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`,
      );
      return 2;
    }
    // A server the sandbox's network cannot reach: only uvicorn's apps answer curl here.
    if (module === 'http.server' && !args.includes('--help') && !args.includes('-h'))
      return notSimulated(ctx.io, PYTHON_GAP.server, `python -m ${module}`);
    // What `python -m` itself runs: runpy finds the module (the project's or the standard
    // library's), runs it as __main__, and says "No module named …" as CPython does.
    return script(
      ctx,
      '-c',
      `import runpy\nrunpy._run_module_as_main(${JSON.stringify(module)}, alter_argv=True)\n`,
      ['-m', ...args],
      environment,
      true,
    );
  }
  if (first === '-c')
    return script(ctx, '-c', rest[0] ?? '', ['-c', ...rest.slice(1)], environment);
  // A program piped in (`echo 'print(1)' | python`, `docker run -i IMAGE python`): CPython runs it
  // as <stdin>, with sys.argv [''] (or ['-'] for `python -`).
  if ((first === undefined || first === '-') && ctx.io.stdin !== null)
    return script(ctx, '<stdin>', ctx.io.stdin, [first ?? '', ...rest], environment);
  if (first === undefined) {
    // Without a terminal the REPL reads an empty stdin and exits, as `docker run python:3.13-slim` does.
    const enter = terminalEntry(ctx);
    if (!enter) return 0;
    const session = await startPrompt(ctx, {
      fs: ctx.fs,
      cwd: ctx.shell.cwd,
      env: Object.fromEntries(ctx.shell.env),
      version: environment?.python ?? '3.13',
      packages: (environment ?? hostEnvironment(ctx)).packages,
      layout: hostLayout(ctx.shell.venv),
      executable: executableFor(ctx, environment !== null),
    });
    if (!session) return 1;
    const code = await runPrompt(ctx, session, enter);
    return code === 'detached' ? 0 : code;
  }
  const path = resolvePath(ctx.shell.cwd, first, ctx.shell.home);
  const source = ctx.fs.read(path);
  if (source === null) {
    ctx.io.err(`${ctx.name}: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return script(ctx, path, source, [first, ...rest], environment);
}

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
async function serve(
  ctx: CommandContext,
  spec: ServerSpec,
  adopt: number | null = null,
): Promise<number> {
  const environment = hostEnvironment(ctx);
  if (!environment.packages.has('uvicorn')) {
    ctx.io.err(`bash: ${ctx.name}: command not found\n`);
    return 127;
  }
  const pid = ctx.host.nextPid();
  const addresses = boundAddresses(spec.host);
  if (addresses.some((a) => ctx.host.network.conflict(a, spec.port))) {
    if (adopt !== null) ctx.host.runtime.stop(adopt, false);
    const before = spec.reload
      ? reloaderLines(spec, pid, ctx.shell.cwd, 'StatReload')
      : serverLines(spec, pid, false).slice(0, 2);
    ctx.io.err(
      `${before.map((l) => `${l}\n`).join('')}${uvicornError('[Errno 98] Address already in use')}\n`,
    );
    return 1;
  }
  // Attached, the process writes to the terminal; once the command returns (a script, `&`), to the job's output.
  let attached = true;
  const write = (stream: 'stdout' | 'stderr', text: string) =>
    attached ? (stream === 'stdout' ? ctx.io.out(text) : ctx.io.err(text)) : ctx.job.later(text);
  const started = await startApp({
    spec,
    pid,
    fs: ctx.fs,
    cwd: ctx.shell.cwd,
    env: Object.fromEntries(ctx.shell.env),
    packages: environment.packages,
    layout: hostLayout(ctx.shell.venv),
    tty: ctx.io.tty,
    python: ctx.host.runtime,
    clock: ctx.host.clock,
    log: write,
    adopt,
  });
  if (!started.ok) return started.exitCode;
  const app = started.value;
  const release = addresses.map((address) =>
    ctx.host.network.listen({
      address,
      port: spec.port,
      owner: `${spec.tool} ${pid}`,
      connect: () =>
        app.serving()
          ? {
              kind: 'http',
              request: (request) => app.handle(request, `127.0.0.1:${50000 + ctx.host.nextPid()}`),
            }
          : { kind: 'hang' },
    }),
  );
  const stop = () => {
    release.forEach((r) => r());
    const i = ctx.host.processes.findIndex((p) => p.pid === pid);
    if (i >= 0) ctx.host.processes.splice(i, 1);
  };
  ctx.host.processes.push({
    pid,
    command: [ctx.name, ...ctx.args].join(' '),
    app,
    stop: () => {
      app.stop(false);
      stop();
    },
  });
  if (!ctx.job.interactive || ctx.job.background) {
    attached = false;
    return 0;
  }
  await ctx.job.interrupted;
  ctx.io.err('^C');
  app.stop(true);
  stop();
  return 0;
}

/** `python FILE` and `python -c CODE`: the script runs in CPython; `uvicorn.run(app)` in it starts a server. */
async function script(
  ctx: CommandContext,
  target: string,
  source: string,
  argv: string[],
  imageEnvironment: PipTarget | null,
  /** `-m`: the runpy call that stands for `python -m` is not a frame CPython would show */
  wrapped = false,
): Promise<number> {
  const environment = imageEnvironment ?? hostEnvironment(ctx);
  const dir =
    target === '-c' || target === '<stdin>'
      ? ctx.shell.cwd
      : target.slice(0, target.lastIndexOf('/')) || '/';
  const layout = hostLayout(ctx.shell.venv);
  const { pid, result } = await ctx.host.runtime.start({
    files: pythonFiles(ctx.fs, [dir]),
    roots: [dir],
    cwd: ctx.shell.cwd,
    env: Object.fromEntries(ctx.shell.env),
    packages: [...environment.packages],
    argv,
    executable: executableFor(ctx, imageEnvironment !== null),
    tty: ctx.io.tty,
    sitePackages: layout.sitePackages,
    mode: 'script',
    target: target === '-c' ? '<string>' : target,
    source,
  });
  for (const [stream, text] of result.output) (stream === 'stdout' ? ctx.io.out : ctx.io.err)(text);
  if (result.state === 'exited') {
    const error = result.error;
    const { importFailure, scriptTraceback } = await failures.get();
    if (error?.kind === 'traceback')
      ctx.io.err(scriptTraceback(wrapped ? withoutFirstFrame(error.text) : error.text, layout));
    else if (error) ctx.io.err(importFailure(error, '', layout).text);
    if (result.overran) ctx.io.err(`${notSimulatedLine(PYTHON_GAP.longRun)}\n`);
    return result.exitCode;
  }
  if (result.state !== 'serving') return 1;
  const serve_ = result.serve!;
  if (serve_.reload) {
    ctx.host.runtime.stop(pid, false);
    ctx.io.err(
      "WARNING:  You must pass the application as an import string to enable 'reload' or 'workers'.\n",
    );
    return 1;
  }
  const spec: ServerSpec = {
    tool: 'uvicorn',
    target: '__main__:app',
    host: serve_.host,
    port: serve_.port,
    reload: false,
    appDir: null,
  };
  return serve(ctx, spec, pid);
}

/** A traceback without its outermost frame: its `File` line and the source lines under it. */
function withoutFirstFrame(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('  File '));
  if (first < 0) return text;
  let next = first + 1;
  while (next < lines.length && lines[next]!.startsWith('    ')) next++;
  return [...lines.slice(0, first), ...lines.slice(next)].join('\n');
}
