#!/usr/bin/env node
// The `layerwise` command. It runs the compiled CLI in dist-cli/ (built by `npm install`), compiling
// it again first when a source is newer than the build; where it cannot (no esbuild, a read-only
// clone), it runs the TypeScript sources through tsx, so a clone works with no build step
// (scripts/run-compiled.mjs, which `npm start` shares).
import { importCompiled } from '../scripts/run-compiled.mjs';

const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};

const { main } = await importCompiled('layerwise', 'src/node/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), io);
