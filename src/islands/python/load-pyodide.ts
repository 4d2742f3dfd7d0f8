/**
 * Loads Pyodide from this site's `/pyodide/` (copied there at build, src/node/python/pyodide-files.ts)
 * and installs the sandbox's Python files into it. One interpreter for the page.
 *
 * CPython is restored from the memory snapshot made at build (src/node/python/pyodide-snapshot.ts)
 * rather than started: that skips Python's initialisation and the bridge's imports, most of a
 * first start's time. The snapshot is fetched beside the loader, CPython and the standard library
 * (all at once); if it cannot be had or restored, Python starts the ordinary way.
 */
import { installSite, type PyodideLike, type PythonBridge } from '../../core/sandbox/index.ts';

const SITE_PREFIX = '../../core/sandbox/python/site/';
const SITE = import.meta.glob<string>('../../core/sandbox/python/site/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});
/** pyodide-snapshot.ts's SNAPSHOT_FILE (a Node module: not importable here) */
const SNAPSHOT = 'snapshot.bin.gz';

type LoadPyodide = (options: object) => Promise<PyodideLike>;

/** User Timing marks, read by `npm run bench -- python` for its breakdown of a first start. */
const mark = (name: string) => performance.mark(`layerwise:python:${name}`);

/** The snapshot's heap, ungzipped as it arrives (unless the host sent it with Content-Encoding: gzip). */
async function fetchSnapshot(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  if (/gzip/i.test(response.headers.get('Content-Encoding') ?? '')) return response.arrayBuffer();
  return new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

async function start(base: string): Promise<PyodideLike> {
  const snapshot = fetchSnapshot(`${base}${SNAPSHOT}`).then((heap) => {
    mark('snapshot');
    return heap;
  });
  snapshot.catch(() => {}); // handled below, once the loader is there
  const { loadPyodide } = (await import(/* @vite-ignore */ `${base}pyodide.mjs`)) as {
    loadPyodide: LoadPyodide;
  };
  mark('loader');
  try {
    return await loadPyodide({ indexURL: base, _loadSnapshot: snapshot });
  } catch (error) {
    console.warn('Python: the start-up snapshot could not be used; starting Python instead', error);
    return loadPyodide({ indexURL: base });
  }
}

let loading: Promise<PythonBridge> | null = null;

export function loadBrowserPython(): Promise<PythonBridge> {
  loading ??= (async () => {
    mark('load');
    const pyodide = await start(new URL(`${import.meta.env.BASE_URL}pyodide/`, location.href).href);
    mark('interpreter');
    const files = Object.fromEntries(
      Object.entries(SITE).map(([path, text]) => [path.slice(SITE_PREFIX.length), text]),
    );
    const bridge = installSite(pyodide, files);
    mark('site');
    return {
      call(name, payload) {
        const start = performance.now();
        try {
          return bridge.call(name, payload);
        } finally {
          performance.measure(`layerwise:python:call:${name}`, { start });
        }
      },
    };
  })();
  loading.catch(() => (loading = null));
  return loading;
}
