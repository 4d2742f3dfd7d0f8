/**
 * Where a first Python start spends its time, read in the page: the loader's User Timing marks
 * (src/islands/python/load-pyodide.ts), Resource Timing for Pyodide's files, and WebAssembly's
 * instantiation timed by a wrapper this file installs before the page's scripts run.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { median } from './section.ts';

/** Wraps WebAssembly.instantiate(Streaming) in every page of the context, to time them. */
export async function timeWasm(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const wasm = WebAssembly as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const original = wasm[name]!;
      wasm[name] = async function (this: unknown, ...args: unknown[]) {
        const start = performance.now();
        try {
          return await original.apply(this, args);
        } finally {
          performance.measure(`layerwise:bench:wasm:${name}`, { start });
        }
      };
    }
  });
}

/** One phase: name → ms (NaN when the run did not show it). */
export type Phases = Record<string, number>;

/** The phases of the start whose Enter was pressed at `at` (page time), once its first line is drawn at `drawn`. */
export async function readPhases(page: Page, at: number, drawn: number): Promise<Phases> {
  const seen = await page.evaluate(() => ({
    marks: performance
      .getEntriesByType('mark')
      .filter((e) => e.name.startsWith('layerwise:'))
      .map((e) => ({ name: e.name, start: e.startTime, end: e.startTime })),
    measures: performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('layerwise:'))
      .map((e) => ({ name: e.name, start: e.startTime, end: e.startTime + e.duration })),
    files: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.includes('/pyodide/'))
      .map((e) => ({
        name: e.name.slice(e.name.lastIndexOf('/') + 1),
        start: e.startTime,
        end: e.responseEnd,
      })),
  }));
  const first = (list: { name: string; start: number; end: number }[], name: string) =>
    list.find((e) => e.name === name);
  const mark = (n: string) => first(seen.marks, `layerwise:python:${n}`)?.start ?? NaN;
  const wasm =
    first(seen.measures, 'layerwise:bench:wasm:instantiateStreaming') ??
    first(seen.measures, 'layerwise:bench:wasm:instantiate');
  const call = first(seen.measures, 'layerwise:python:call:start');
  const file = (n: string) => first(seen.files, n);
  const span = (e: { start: number; end: number } | undefined) => (e ? e.end - e.start : NaN);
  return {
    'Enter → Python asked for': mark('load') - at,
    'pyodide.mjs fetched + imported': mark('loader') - mark('load'),
    '  pyodide.asm.mjs fetched (in the next phase)': span(file('pyodide.asm.mjs')),
    '  snapshot fetched and ungzipped, from Python asked for (CPython waits for it)':
      mark('snapshot') - mark('load'),
    'loader → wasm instantiation begins (pyodide.asm.mjs parsed, module set up)':
      (wasm?.start ?? NaN) - mark('loader'),
    'wasm instantiated (streaming: fetch + compile + instantiate)': span(wasm),
    '  pyodide.asm.wasm fetched (in the phase above)': span(file('pyodide.asm.wasm')),
    '  python_stdlib.zip fetched (parallel)': span(file('python_stdlib.zip')),
    '  pyodide-lock.json fetched (parallel)': span(file('pyodide-lock.json')),
    'wasm instantiated → loadPyodide resolved (Python init, stdlib mounted)':
      mark('interpreter') - (wasm?.end ?? NaN),
    'installSite (our files written, _layerwise imported)': mark('site') - mark('interpreter'),
    'Python ready → app start called': (call?.start ?? NaN) - mark('site'),
    "app start (the app's imports, uvicorn's start)": span(call),
    'app started → first log line drawn': drawn - (call?.end ?? NaN),
  };
}

/** The median of each phase over the runs. */
export function medianPhases(runs: Phases[]): [string, number][] {
  return Object.keys(runs[0] ?? {}).map((k) => [k, median(runs.map((r) => r[k] ?? NaN))]);
}
