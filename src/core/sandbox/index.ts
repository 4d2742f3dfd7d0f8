/**
 * The sandbox: a simulated laptop with a shell, Python and a Docker Engine, in pure TypeScript
 * (no DOM, no Node), for the in-browser terminal (main thread or Web Worker) and for the CLI.
 *
 * ```ts
 * const sandbox = createSandbox({ files: { Dockerfile: '…', 'app/main.py': '…' } });
 * sandbox.onOutput((text) => xterm.write(text));   // what the terminal shows, ANSI included
 * xterm.onData((keys) => sandbox.write(keys));      // raw keystrokes as xterm sends them
 * sandbox.onOpenFile((path) => editor.open(path));  // `edit app/main.py`
 * const { output, exitCode } = await sandbox.runLine('docker build -t demo-image .'); // scripts
 * sandbox.transcript();                             // SandboxEvent[] for the checkers
 * ```
 *
 * Paths in `files`, `fs.*` and events are relative to the project directory
 * (`/home/learner/demo`, the shell's starting directory). Time and randomness are injected
 * (`clock`, `rng`); the defaults are deterministic, so equal inputs give equal transcripts.
 * A foreground server (uvicorn, `docker run` without -d) holds its terminal until Ctrl+C; a
 * second terminal from `openTerminal()` shares the same machine, as a real second tab would.
 */
import type { SandboxEvent } from '../evidence.ts';
import { isManualClock, manualClock, seededRng, type Clock, type Rng } from './host/clock.ts';
import { Vfs, type FsChange } from './host/vfs.ts';
import { Network } from './host/network.ts';
import { dirname, relativeTo, resolvePath, stripAnsi } from '../text/index.ts';
import type { Host } from './host/host.ts';
import { DockerEngine, preloadBuilder } from './docker/engine.ts';
import type { EngineState } from './docker/engine-state.ts';
import { docker, hostCommands, preloadCommands } from './commands/index.ts';
import type { Io, Job, ShellState } from './commands/types.ts';
import { Interpreter } from './shell/interpreter.ts';
import { Terminal } from './shell/terminal.ts';
import { LEARNER_HOME, PROJECT_DIR } from './shell/prompt.ts';
import type { ShellRunner } from './docker/build/stage.ts';
import { PythonProcesses } from './python/python-host.ts';
import type { PythonRuntime, PythonStatus } from './python/runtime.ts';
import type { YamlLoader } from './docker/compose/yaml-parser.ts';
import { LEARNER, seedHostSystem } from './host/users-host.ts';
import type { SavedWorkspace } from './state/format.ts';
import { reviveWorkspace, saveWorkspace } from './state/snapshot.ts';

export type { PythonRuntime, PythonBridge, PythonStatus } from './python/runtime.ts';
export type { YamlLoader, YamlParser } from './docker/compose/yaml-parser.ts';
export type { EngineState } from './docker/engine-state.ts';
export { installSite, type PyodideLike } from './python/install.ts';
export type { SavedWorkspace } from './state/format.ts';
export {
  readSavedWorkspace,
  SAVED_PROBLEM_MESSAGES,
  type ReadResult,
  type SavedProblem,
} from './state/read.ts';

export { splitScript } from './shell/script.ts';
export { charWidth, textWidth } from './shell/text-width.ts';
export { stripAnsi } from '../text/index.ts';

/** Fetches what `docker` runs on (its commands, then the image builder) ahead of its first use. */
export function preloadDocker(): void {
  docker.preload();
  preloadCommands();
  preloadBuilder();
}

export interface SandboxOptions {
  /** the project's files, path → text (or text and mode, e.g. `{ text, mode: 0o755 }`) */
  files: Record<string, string | { text: string; mode?: number }>;
  clock?: Clock;
  rng?: Rng;
  cols?: number;
  rows?: number;
  /**
   * CPython for the learner's code (the browser's Pyodide loader, or Node's); loaded when an app
   * first starts. Without it, starting an app fails with a line saying Python is missing.
   */
  python?: PythonRuntime;
  /**
   * 'home': the project folder (~/demo) is not made yet and shells start in ~, for a lesson whose
   * own first commands are `mkdir demo` and `cd demo`. Default 'project': it exists, shells start in it.
   */
  startIn?: 'project' | 'home';
  /** the `yaml` package's parseDocument, loaded when `docker compose` first runs; without it Compose says it cannot read its file */
  yaml?: YamlLoader;
  /**
   * Real time, where the sandbox has some (the browser's setTimeout): `sleep` at a terminal waits
   * as long as it says, and a `while` loop hands the page a turn now and then. Without it nothing
   * waits: `sleep` only moves the clock, and a loop stops at 10000 passes (host.ts `wait`).
   */
  wait?: (ms: number) => Promise<void>;
}

export interface TerminalHandle {
  /** raw keystrokes, as xterm's onData delivers them */
  write(data: string): void;
  onOutput(listener: (text: string) => void): () => void;
  dispose(): void;
}

/** A second terminal: it closes when its shell exits, and closing it hangs up its foreground command. */
export interface ExtraTerminalHandle extends TerminalHandle {
  onExit(listener: (code: number) => void): () => void;
}

export interface Sandbox extends TerminalHandle {
  /** runs one command line (or several, with a here-document) as a script would; output has ANSI only where a terminal would */
  runLine(line: string, options?: { tty?: boolean }): Promise<{ output: string; exitCode: number }>;
  fs: {
    read(path: string): string | null;
    write(path: string, text: string): void;
    list(): string[];
    remove(path: string): void;
    onChange(listener: (path: string) => void): () => void;
  };
  transcript(): SandboxEvent[];
  onOpenFile(listener: (path: string) => void): () => void;
  /** a second terminal on the same machine (its own shell: directory, environment, history) */
  openTerminal(): ExtraTerminalHandle;
  resize(cols: number, rows: number): void;
  /** back to a fresh machine with these files; listeners stay */
  reset(files: SandboxOptions['files']): void;
  /** the current prompt, for a UI that draws its own */
  prompt(): string;
  /** a command finished, in any terminal: what a saved workspace follows (with `fs.onChange`) */
  onCommand(listener: () => void): () => void;
  /** Python's loading state ("Starting Python…"), for the UI to show beside the terminal, never in it */
  onStatus(listener: (status: PythonStatus) => void): () => void;
  /** the simulated engine's images, build cache and containers, for a saved session (docker/engine-state.ts) */
  engine: {
    state(): EngineState;
    /** replaces the engine's state; containers that were running start again */
    load(state: EngineState): Promise<void>;
  };
  /** everything a reload would lose (files, the first terminal's history, pip's installs, the engine), as JSON-ready data */
  save(): SavedWorkspace;
  /**
   * Back to a saved state: files, history, transcript and the engine's images, cache and containers
   * at once (the next prompt stands on them); the containers that were running start again after
   * `startAfter` (an app start may load Python), and the promise resolves once they have.
   */
  restore(saved: SavedWorkspace, startAfter?: Promise<void>): Promise<void>;
}

const HOME = LEARNER_HOME;
const WORKSPACE = PROJECT_DIR;

export function createSandbox(options: SandboxOptions): Sandbox {
  const clock = options.clock ?? manualClock();
  // Draws are counted so that a restored sandbox goes on with the sequence: no container ID twice.
  const draw = options.rng ?? seededRng();
  let draws = 0;
  const rng: Rng = () => (draws++, draw());
  let cols = options.cols ?? 80;
  const startIn = options.startIn === 'home' ? HOME : WORKSPACE;
  const outputListeners = new Set<(text: string) => void>();
  const fileListeners = new Set<(path: string) => void>();
  const openListeners = new Set<(path: string) => void>();
  const events: SandboxEvent[] = [];
  const statusListeners = new Set<(status: PythonStatus) => void>();
  const commandListeners = new Set<() => void>();
  // One interpreter for the page, across resets: it loads once.
  const runtime = new PythonProcesses(options.python ?? null, (s) =>
    statusListeners.forEach((l) => l(s)),
  );
  let machine = boot(options.files);
  const emitMain = (text: string) => outputListeners.forEach((l) => l(text));

  function fresh(files: SandboxOptions['files']): Vfs {
    const fs = new Vfs(clock, LEARNER);
    seedHostSystem(fs, HOME);
    if (startIn === WORKSPACE || Object.keys(files).length) fs.mkdir(WORKSPACE, { parents: true });
    for (const [path, value] of Object.entries(files)) {
      const abs = resolvePath(WORKSPACE, path);
      fs.mkdir(dirname(abs), { parents: true });
      fs.write(
        abs,
        typeof value === 'string' ? value : value.text,
        typeof value === 'string' ? {} : value.mode === undefined ? {} : { mode: value.mode },
      );
    }
    return fs;
  }

  function boot(files: SandboxOptions['files'], saved?: Vfs) {
    const fs = saved ?? fresh(files);
    const network = new Network();
    let pid = 1200;
    const host = {
      fs,
      clock,
      rng,
      home: HOME,
      workspace: WORKSPACE,
      network,
      python: new Map([['system', new Set<string>()]]),
      processes: [],
      runtime,
      nextPid: () => (pid += 2),
      ...(options.yaml ? { yaml: options.yaml } : {}),
      ...(options.wait ? { wait: options.wait } : {}),
      events: { openFile: (p: string) => openListeners.forEach((l) => l(p)), clear: () => {} },
    } as Omit<Host, 'engine'> as Host;
    // The image's shell arrives with docker's code: a RUN step or a container needs it, the prompt does not.
    const runShell: ShellRunner = (run) =>
      import('./shell/image-shell.ts').then((m) => m.imageShell(host)(run));
    host.engine = new DockerEngine({
      fs,
      network,
      clock,
      rng,
      runShell,
      python: runtime,
      ...(options.wait ? { wait: options.wait } : {}),
    });
    fs.onChange((change: FsChange) => {
      const rel = relativeTo(WORKSPACE, change.path);
      if (rel) fileListeners.forEach((l) => l(rel));
    });
    return { host, interpreter: shellOn(host) };
  }

  /** A login shell on the machine: its own directory, environment and history, as each real terminal has. */
  function shellOn(host: Host): Interpreter {
    return new Interpreter(hostCommands(), newShell(startIn), host.fs, host);
  }

  const record = (command: string, output: string, exitCode: number, cwd: string) => {
    // The default virtual clock moves one second per command, so `docker ps` ages read naturally.
    if (isManualClock(clock)) clock.advance(1000);
    events.push({
      type: 'command',
      command,
      output: stripAnsi(output).replace(/\r\n/g, '\n'),
      exitCode,
      cwd,
    });
    commandListeners.forEach((l) => l());
  };

  const makeTerminal = (
    emit: (text: string) => void,
    interpreter: Interpreter,
    onExit?: (code: number) => void,
  ) => new Terminal({ interpreter, emit, record, cols: () => cols, ...(onExit ? { onExit } : {}) });
  let main = makeTerminal(emitMain, machine.interpreter);

  const mainHandle = terminalHandle(() => main, outputListeners);
  return {
    ...mainHandle,
    dispose() {
      mainHandle.dispose();
      fileListeners.clear();
      openListeners.clear();
      statusListeners.clear();
      commandListeners.clear();
      for (const p of [...machine.host.processes]) p.stop();
    },
    async runLine(line, opts = {}) {
      let output = '';
      const io: Io = {
        stdin: null,
        out: (t) => (output += t),
        err: (t) => (output += t),
        tty: opts.tty ?? true,
        cols,
      };
      const job: Job = {
        interactive: false,
        background: false,
        interrupted: new Promise(() => {}),
        later: emitMain,
      };
      const shell = machine.interpreter.shell;
      const cwd = shell.cwd;
      shell.history.push(line);
      const exitCode = await machine.interpreter.run(line, io, job);
      record(line, output, exitCode, cwd);
      return { output, exitCode };
    },
    fs: {
      read: (path) => machine.host.fs.read(resolvePath(WORKSPACE, path)),
      write(path, text) {
        const abs = resolvePath(WORKSPACE, path);
        machine.host.fs.mkdir(dirname(abs), { parents: true });
        machine.host.fs.write(abs, text);
        events.push({ type: 'file', path: relativeTo(WORKSPACE, abs) ?? abs, text });
      },
      list: () => machine.host.fs.walk(WORKSPACE),
      remove: (path) =>
        void machine.host.fs.remove(resolvePath(WORKSPACE, path), { recursive: true }),
      onChange(listener) {
        fileListeners.add(listener);
        return () => fileListeners.delete(listener);
      },
    },
    transcript: () => events.map((e) => ({ ...e })),
    onOpenFile(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
    openTerminal() {
      const listeners = new Set<(text: string) => void>();
      const exits = new Set<(code: number) => void>();
      const t = makeTerminal(
        (text) => listeners.forEach((l) => l(text)),
        shellOn(machine.host),
        (code) => exits.forEach((l) => l(code)),
      );
      const handle = terminalHandle(() => t, listeners);
      return {
        ...handle,
        onExit(listener) {
          exits.add(listener);
          return () => exits.delete(listener);
        },
        dispose() {
          t.close();
          exits.clear();
          handle.dispose();
        },
      };
    },
    resize(c) {
      cols = Math.max(20, c);
    },
    reset(files) {
      for (const p of [...machine.host.processes]) p.stop();
      machine = boot(files);
      events.length = 0;
      main = makeTerminal(emitMain, machine.interpreter);
      if (outputListeners.size) main.start();
    },
    save: () =>
      saveWorkspace({
        fs: machine.host.fs,
        history: machine.interpreter.shell.history,
        python: [...machine.host.python].map(([env, packages]) => [env, [...packages]]),
        engine: machine.host.engine.state(),
        clock: clock.now(),
        draws,
        transcript: events,
      }),
    restore(saved, startAfter) {
      const live = reviveWorkspace(saved, clock);
      for (const p of [...machine.host.processes]) p.stop();
      if (isManualClock(clock) && live.clock > clock.now()) clock.advance(live.clock - clock.now());
      while (draws < live.draws) rng();
      machine = boot({}, live.fs);
      machine.host.python.clear();
      for (const [env, packages] of live.python) machine.host.python.set(env, new Set(packages));
      machine.interpreter.shell.history.push(...live.history);
      events.splice(0, events.length, ...live.transcript);
      main = makeTerminal(emitMain, machine.interpreter);
      if (outputListeners.size) main.start();
      return machine.host.engine.load(live.engine, startAfter);
    },
    prompt: () => main.prompt(),
    engine: {
      state: () => machine.host.engine.state(),
      load: (state) => machine.host.engine.load(state),
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
  };
}

/** Keystrokes in, output out; the prompt is drawn when the first listener attaches. */
function terminalHandle(
  terminal: () => Terminal,
  listeners: Set<(text: string) => void>,
): TerminalHandle {
  return {
    write: (data) => terminal().write(data),
    onOutput(listener) {
      listeners.add(listener);
      if (listeners.size === 1) terminal().start();
      return () => listeners.delete(listener);
    },
    dispose: () => listeners.clear(),
  };
}

function newShell(cwd: string): ShellState {
  return {
    cwd,
    home: HOME,
    env: new Map([
      ['HOME', HOME],
      ['PWD', cwd],
      ['USER', 'learner'],
      ['PATH', '/usr/local/bin:/usr/bin:/bin'],
      ['LANG', 'C.UTF-8'],
    ]),
    venv: null,
    history: [],
    lastExit: 0,
    cred: LEARNER,
  };
}
