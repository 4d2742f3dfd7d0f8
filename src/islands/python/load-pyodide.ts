/**
 * Loads Pyodide from this site's `/pyodide/` (copied there at build, src/node/python/pyodide-files.ts)
 * and installs the sandbox's Python files into it. One interpreter for the page.
 */
import { installSite, type PyodideLike, type PythonBridge } from '../../core/sandbox/index.ts';

const SITE_PREFIX = '../../core/sandbox/python/site/';
const SITE = import.meta.glob<string>('../../core/sandbox/python/site/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let loading: Promise<PythonBridge> | null = null;

export function loadBrowserPython(): Promise<PythonBridge> {
  loading ??= (async () => {
    const base = new URL(`${import.meta.env.BASE_URL}pyodide/`, location.href).href;
    const { loadPyodide } = (await import(/* @vite-ignore */ `${base}pyodide.mjs`)) as {
      loadPyodide(options: object): Promise<PyodideLike>;
    };
    const pyodide = await loadPyodide({ indexURL: base });
    const files = Object.fromEntries(
      Object.entries(SITE).map(([path, text]) => [path.slice(SITE_PREFIX.length), text]),
    );
    return installSite(pyodide, files);
  })();
  loading.catch(() => (loading = null));
  return loading;
}
