/**
 * Imports an entry of the compiled build in dist-cli/ (scripts/build-cli.mjs: the `layerwise` CLI
 * and `npm start`), compiling it again first when a source is newer than the build; where it cannot
 * (no esbuild, a read-only clone), it imports the TypeScript source through tsx, so a clone works
 * with no build step. LAYERWISE_FROM_SOURCE=1 asks for the sources. Plain JavaScript: it runs
 * before anything is compiled, and starting tsx would cost the second it saves.
 */
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** dist-cli/inputs.json lists the sources of the build and the newest of their times. */
function compiledIsFresh() {
  try {
    const { newest, inputs } = JSON.parse(
      readFileSync(new URL('dist-cli/inputs.json', root), 'utf8'),
    );
    return inputs.every((p) => statSync(new URL(p, root)).mtimeMs <= newest);
  } catch {
    return false;
  }
}

/** `entry`: the compiled file's name in dist-cli/ (without .mjs); `source`: its path from the root. */
export async function importCompiled(entry, source) {
  if (process.env.LAYERWISE_FROM_SOURCE !== '1') {
    let fresh = compiledIsFresh();
    if (!fresh) {
      try {
        await (await import('./build-cli.mjs')).buildCli();
        fresh = true;
      } catch {
        // fall through to the sources
      }
    }
    if (fresh) return import(new URL(`dist-cli/${entry}.mjs`, root).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(source, root).href);
}
