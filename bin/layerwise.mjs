#!/usr/bin/env node
// The `layerwise` command. It runs the compiled CLI in dist-cli/ (built by `npm install`), compiling
// it again first when a source is newer than the build; where it cannot (no esbuild, a read-only
// clone), it runs the TypeScript sources through tsx, so a clone works with no build step.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};

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

async function loadMain() {
  if (process.env.LAYERWISE_FROM_SOURCE !== '1') {
    let fresh = compiledIsFresh();
    if (!fresh) {
      try {
        await (await import('../scripts/build-cli.mjs')).buildCli();
        fresh = true;
      } catch {
        // fall through to the sources
      }
    }
    if (fresh) return (await import(new URL('dist-cli/layerwise.mjs', root).href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/node/cli/main.ts')).main;
}

process.exitCode = await (await loadMain())(process.argv.slice(2), io);
