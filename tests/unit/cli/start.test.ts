/**
 * `npm start`: the progress line of a first build (read from Astro's own log lines), and a start
 * that loads no Docker Engine client until "Check my Docker" is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextProgress, PAGES_WRITTEN, STARTING } from '../../../scripts/build-progress.ts';

// Lines `astro build` (Astro 7.3.5) printed for this repository on 2026-12-06 (its log, in order,
// abridged: every page line but two, and Vite's warnings, left out).
const ASTRO_LOG = [
  '09:54:25 [content] Syncing content',
  '09:54:25 [content] Synced content',
  '09:54:25 [types] Generated 4.03s',
  '09:54:25 [build] output: "static"',
  '09:54:25 [build] Collecting build info...',
  '09:54:25 [build] ✓ Completed in 4.78s.',
  '09:54:25 [build] Building static entrypoints...',
  '09:54:28 [WARN] [vite] \u001b[33m[MODULE_LEVEL_DIRECTIVE] \u001b[0mThe semantics of the module level directive',
  '09:54:28 [vite] ✓ built in 2.53s',
  '09:54:30 [vite] ✓ built in 1.78s',
  '09:54:30 [build] Rearranging server assets...',
  ' generating static routes ',
  '09:54:30   ├─ /404.html (+25ms) ',
  '09:54:30   ├─ /lessons/introduction/index.html (+183ms) ',
  '09:54:32 ✓ Completed in 2.04s.',
  '09:54:32 [build] ✓ Completed in 6.62s.',
  '09:54:32 [layerwise-pagefind] search index written to dist/pagefind/ (16 pages read)',
  '09:54:32 [build] Complete!',
];

describe("the first build's progress line", () => {
  it('names each step as Astro reaches it, and counts the pages written', () => {
    const steps: string[] = [];
    let progress = STARTING;
    for (const line of ASTRO_LOG) {
      progress = nextProgress(progress, line);
      if (steps.at(-1) !== progress.step) steps.push(progress.step);
    }
    expect(steps).toEqual([
      'reading the lessons',
      'collecting the pages',
      'bundling the pages',
      'bundling the browser scripts',
      'writing the pages',
      'writing page 1: /404.html',
      'writing page 2: /lessons/introduction/index.html',
      'indexing the lessons for search',
      'writing the host files',
    ]);
  });

  it('reaches PAGES_WRITTEN (npm start serves from there) just after the last page is written', () => {
    let progress = STARTING;
    const reached = ASTRO_LOG.findIndex(
      (line) => (progress = nextProgress(progress, line)).step === PAGES_WRITTEN,
    );
    expect(ASTRO_LOG[reached - 1]).toContain('├─ /lessons/introduction/index.html');
  });

  it('keeps its step on a line it does not know', () => {
    const progress = { step: 'bundling the pages', pages: 0 };
    expect(nextProgress(progress, 'something else entirely\u001b[0m')).toBe(progress);
  });
});

/** Every module the compiled file imports statically, following dist-cli's own chunks. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(new URL(`../../../dist-cli/${file}`, import.meta.url), 'utf8');
  for (const [, spec] of text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"([^"]+)"/gms)) {
    if (!spec || seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(spec.slice(2), seen);
  }
  return seen;
}

it.skipIf(!existsSync(new URL('../../../dist-cli/start.mjs', import.meta.url)))(
  'starts without loading the Docker Engine client (dockerode comes with the first check)',
  () => {
    const imports = [...staticImports('start.mjs')];
    expect(imports).toContain('node:http');
    expect(imports.filter((s) => /dockerode|ssh2|dockerfile-ast/.test(s))).toEqual([]);
  },
);
