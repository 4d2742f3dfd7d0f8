/**
 * The simulated machine's Python processes, over the injected runtime: loads CPython on the first
 * start (reporting the loading state), and turns the bridge's JSON into typed results.
 */
import type { PythonBridge, PythonRuntime, PythonStatus } from './runtime.ts';

export type Output = [stream: 'stdout' | 'stderr', text: string][];

export type StartError =
  | { kind: 'no-module'; module: string }
  | { kind: 'no-attribute'; module: string; attribute: string }
  | { kind: 'not-simulated'; what: string }
  | { kind: 'traceback'; text: string }
  | { kind: 'no-python'; message: string };

export interface StartConfig {
  /** absolute path → source, every `.py` file the process can import */
  files: Record<string, string>;
  /** seconds the learner's code (a script, an input at the prompt) may run before it is stopped as Ctrl+C would (10) */
  timeLimit?: number;
  /** what os.getcwd() answers (its prompt's directory); the interpreter's own when not given */
  cwd?: string;
  /** where top-level imports are looked up (the working directory, or `--app-dir`) */
  roots: string[];
  env: Record<string, string>;
  /** installed distributions (lower case): which stand-ins import, and which modules are "installed but not in the browser" */
  packages: string[];
  argv: string[];
  /** `sys.executable`: the interpreter's path, as CPython finds it from the name it was run by */
  executable?: string;
  tty: boolean;
  /** where tracebacks say the packages live */
  sitePackages: string;
  /** the FastAPI release the stand-in answers as (`0.115.11`, `0.143.3`) */
  fastapi?: string;
  /** `prompt`: Python's interactive prompt, each input given with `feed` */
  mode: 'import' | 'script' | 'prompt';
  /** `module:attribute` to import, or the script's path */
  target: string;
  /** the script's source (mode `script`) */
  source?: string;
}

export type StartResult =
  | {
      state: 'serving';
      /** set when a script called `uvicorn.run(app, host=…, port=…)` */
      serve: { host: string; port: number; reload: boolean } | null;
      output: Output;
    }
  | {
      state: 'exited';
      exitCode: number;
      output: Output;
      error?: StartError;
      /** the script ran past its time limit and was stopped with KeyboardInterrupt */
      overran?: boolean;
    }
  | { state: 'prompt'; output: Output };

/** One input at a prompt: more lines wanted, or what running it printed (prompt.py). */
export type PromptAnswer =
  | { more: true }
  | {
      more: false;
      output: Output;
      /** the input ended the interpreter (exit(), `exit`, sys.exit()) */
      exitCode?: number;
      /** the REPL's `clear` command */
      clear?: boolean;
      /** what the browser could not run (a module Pyodide lacks) */
      notSimulated?: string;
      /** the input ran past the prompt's time limit and was stopped with KeyboardInterrupt */
      overran?: boolean;
      /** the input read the keyboard (input(), help()), which belongs to the terminal's line editor */
      keyboard?: boolean;
    };

export interface PyResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
  error: Exclude<StartError, { kind: 'no-module' | 'no-attribute' | 'no-python' }> | null;
  output: Output;
}

const MB = 1024 * 1024;

export class PythonProcesses {
  private bridge: Promise<PythonBridge> | null = null;
  /** the loaded interpreter, once there is one (a running process implies it) */
  private ready: PythonBridge | null = null;

  constructor(
    private readonly runtime: PythonRuntime | null,
    private readonly status: (s: PythonStatus) => void,
  ) {}

  /** The interpreter, loading it (and saying so) the first time; a failed load is tried again next time. */
  private load(): Promise<PythonBridge> {
    if (!this.runtime) return Promise.reject(new Error('this sandbox was created without Python'));
    if (!this.bridge) {
      const size = (this.runtime.downloadBytes / MB).toFixed(0);
      this.status({
        kind: 'python',
        state: 'loading',
        message: `Starting Python (first time: about ${size} MB)…`,
      });
      this.bridge = this.runtime.load().then(
        (bridge) => {
          this.ready = bridge;
          this.status({ kind: 'python', state: 'ready', message: 'Python is ready' });
          return bridge;
        },
        (error: unknown) => {
          this.bridge = null;
          const message = `Python could not be loaded in the browser (${error instanceof Error ? error.message : String(error)})`;
          this.status({ kind: 'python', state: 'failed', message });
          throw new Error(message);
        },
      );
    }
    return this.bridge;
  }

  async start(config: StartConfig): Promise<{ pid: number; result: StartResult }> {
    let bridge: PythonBridge;
    try {
      bridge = await this.load();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        pid: 0,
        result: { state: 'exited', exitCode: 1, output: [], error: { kind: 'no-python', message } },
      };
    }
    const { pid, ...result } = call<StartResult & { pid: number }>(bridge, 'start', { config });
    return { pid, result: result };
  }

  async request(
    pid: number,
    request: {
      method: string;
      path: string;
      query: string;
      headers: [string, string][];
      body: string;
      client: string;
    },
  ): Promise<PyResponse> {
    return call<PyResponse>(await this.load(), 'request', { pid, ...request });
  }

  /** An input at the prompt of a process started in mode `prompt` (its interpreter is loaded). */
  feed(pid: number, source: string): PromptAnswer {
    if (!this.ready) throw new Error('Python is not loaded');
    return call<PromptAnswer>(this.ready, 'feed', { pid, source });
  }

  /**
   * Ends a process at once (a signal does not wait): a graceful stop flushes what print() still
   * buffers, as CPython does at exit; a kill loses it.
   */
  stop(pid: number, graceful: boolean): Output {
    if (!this.ready) return [];
    return call<{ output: Output }>(this.ready, 'stop', { pid, graceful }).output;
  }
}

function call<T>(bridge: PythonBridge, name: string, payload: object): T {
  return JSON.parse(bridge.call(name, JSON.stringify(payload))) as T;
}
