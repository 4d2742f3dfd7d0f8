/**
 * Compiles the `layerwise` CLI (src/node/cli/main.ts and everything it imports from src/) and
 * `npm start` (scripts/start.ts) into dist-cli/, so a run starts without compiling TypeScript. Packages stay imports of node_modules.
 * `npm install` runs it (package.json "prepare"); scripts/run-compiled.mjs runs it again when a
 * source is newer than the build, and falls back to tsx when it cannot. Plain JavaScript: it must run
 * before anything else is built.
 *   node scripts/build-cli.mjs
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'dist-cli');
/** what bin/layerwise.mjs reads to tell whether the build is older than a source */
export const STAMP = join(OUT, 'inputs.json');

/**
 * The chunks live flat in dist-cli/, so a source that finds files next to itself through
 * `import.meta.url` gets its own file's URL instead (one level up from the chunk, then its path).
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(b) {
    b.onLoad({ filter: /\/(src|scripts)\/.*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const own = JSON.stringify(`../${relative(ROOT, args.path).split('\\').join('/')}`);
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

export async function buildCli() {
  const { build } = await import('esbuild');
  rmSync(OUT, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { layerwise: 'src/node/cli/main.ts', start: 'scripts/start.ts' },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    plugins: [keepSourceUrls],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
  const newest = Math.max(...inputs.map((p) => statSync(join(ROOT, p)).mtimeMs));
  writeFileSync(STAMP, `${JSON.stringify({ newest, inputs }, null, 1)}\n`);
  return inputs.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const n = await buildCli();
    console.log(`layerwise: compiled the CLI from ${n} sources into dist-cli/`);
  } catch (error) {
    // The CLI still runs from the TypeScript sources (bin/layerwise.mjs falls back to tsx).
    console.warn(
      `layerwise: could not compile the CLI (${error?.message ?? error}); it will run through tsx`,
    );
  }
}
