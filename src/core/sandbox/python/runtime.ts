/**
 * Real CPython for the simulated machine, injected by the edges: the browser loads Pyodide from
 * this site (src/islands/python), Node from node_modules (src/node/python). Both install the
 * sandbox's Python files (`site/`: the bridge `_layerwise` and the stand-ins for fastapi,
 * pydantic, starlette and uvicorn) and expose the bridge's one entry point.
 */

/** `_layerwise.call(name, json)`: synchronous once CPython is loaded. */
export interface PythonBridge {
  call(name: string, payload: string): string;
}

export interface PythonRuntime {
  /** what the first load downloads, in bytes (compressed), for the learner's loading message */
  readonly downloadBytes: number;
  /** Loads CPython once; every later call gets the same interpreter. Rejects when it cannot load. */
  load(): Promise<PythonBridge>;
}

/** The loading state the UI shows beside the terminal, never inside its output. */
export interface PythonStatus {
  kind: 'python';
  state: 'loading' | 'ready' | 'failed';
  message: string;
}
