/**
 * `npm run bench`: prints the figures the speed targets are read against. Benchmarks, not tests:
 * nothing here fails; it measures on this machine and says so. Each section lives in scripts/bench/.
 * `npm run bench -- lighthouse python` runs only the sections named.
 */
import { formatTable, type BenchSection } from './bench/section.ts';
import { load } from './bench/load.ts';
import { buildIfStale } from './build-if-stale.ts';

type SectionModule = { run: () => Promise<BenchSection> };

// Listed once here; a section file exports run().
const SECTIONS: [string, () => Promise<SectionModule>][] = [
  ['start', () => import('./bench/start.ts')],
  ['pages', () => import('./bench/pages.ts')],
  ['lighthouse', () => import('./bench/lighthouse.ts')],
  ['parse', () => import('./bench/parse.ts')],
  ['parse-scale', () => import('./bench/parse-scale.ts')],
  ['cli', () => import('./bench/cli.ts')],
  ['sandbox', () => import('./bench/sandbox.ts')],
  ['workspace', () => import('./bench/workspace.ts')],
  ['python', () => import('./bench/python.ts')],
];

/** Sections that measure the built site (dist/): they must never measure an older build. */
const ON_BUILT_SITE = new Set(['pages', 'lighthouse', 'workspace', 'python']);

const chosen = process.argv.slice(2);
const started = performance.now();
for (const [name, loadSection] of SECTIONS) {
  if (chosen.length && !chosen.includes(name)) continue;
  if (ON_BUILT_SITE.has(name)) buildIfStale();
  const from = performance.now();
  const section = await (await loadSection()).run();
  console.log(formatTable(section));
  console.log(`  · (${name}: ${((performance.now() - from) / 1000).toFixed(0)} s, load ${load()})`);
}
console.log(`\nnpm run bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
