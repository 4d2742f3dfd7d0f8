/**
 * CPython caches the bytecode of each module it imports from a source file in a `__pycache__`
 * directory beside it (`app/__pycache__/main.cpython-313.pyc`), when it may write there. On a
 * real engine `docker exec web ls app` therefore lists `__pycache__` once the app has started
 * (scenario 59), and a bind-mounted `app/` gets it on the host too.
 */
import { normalizePath } from '../../text/index.ts';
import type { Cred, Vfs } from '../host/vfs.ts';

/**
 * The cache files for the app's module (`app.main:app`) and the packages on its way
 * (`app/__init__.py` when it exists; a directory without one is a namespace package, cached
 * nowhere). Modules that module imports in turn are not known here.
 */
export function writeBytecodeCache(
  fs: Vfs,
  cred: Cred,
  root: string,
  target: string,
  version: string,
): void {
  const module = target.split(':')[0] ?? '';
  const parts = module.endsWith('.py') ? module.slice(0, -3).split('/') : module.split('.');
  if (parts.some((p) => !p)) return;
  const tag = `cpython-${version.replace('.', '')}`;
  const as = fs.as(cred);
  const cache = (dir: string, name: string) => {
    const pycache = `${dir}/__pycache__`;
    // Python skips the cache silently where it may not write.
    if (as.mkdir(pycache, { parents: true }) === null)
      as.write(`${pycache}/${name}.${tag}.pyc`, '');
  };
  for (let i = 0; i < parts.length; i++) {
    const dir = normalizePath(`${root}/${parts.slice(0, i).join('/')}`);
    const name = parts[i]!;
    if (i < parts.length - 1) {
      const init = `${dir}/${name}/__init__.py`;
      if (fs.stat(init)?.kind === 'file') cache(`${dir}/${name}`, '__init__');
    } else if (fs.stat(`${dir}/${name}.py`)?.kind === 'file') cache(dir, name);
  }
}
