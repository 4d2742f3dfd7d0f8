/**
 * `npm run bench`: prints the figures the speed targets are read against. Benchmarks, not tests:
 * nothing here fails; it measures on this machine and says so. Each section lives in scripts/bench/.
 */
import { formatTable, type BenchSection } from './bench/section.ts';

type SectionModule = { run: () => Promise<BenchSection> };

// Listed once here; a section file exports run().
const SECTIONS: (() => Promise<SectionModule>)[] = [
  () => import('./bench/start.ts'),
  () => import('./bench/pages.ts'),
  () => import('./bench/lighthouse.ts'),
  () => import('./bench/parse.ts'),
  () => import('./bench/parse-scale.ts'),
  () => import('./bench/cli.ts'),
  () => import('./bench/sandbox.ts'),
  () => import('./bench/workspace.ts'),
  () => import('./bench/python.ts'),
];

for (const load of SECTIONS) {
  const section = await (await load()).run();
  console.log(formatTable(section));
}
