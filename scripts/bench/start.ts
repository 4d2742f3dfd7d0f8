/**
 * `npm start` as the learner runs it: the time from the command to the course's home page answering
 * on http://localhost:PORT/, the first time in a fresh clone (no dist/, no Astro caches, no Node
 * compile cache: it builds the site) and again with nothing changed (it only serves).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, type BenchSection } from './section.ts';
import { load } from './load.ts';
import { starlightAnchor } from './starlight.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNS = 3;
/** what a fresh clone lacks: the site, Astro's content store and generated types */
const BUILT = ['dist', '.astro', 'node_modules/.astro'];
/** what scripts/build-if-stale.ts writes once a build has succeeded */
const STAMP = join(ROOT, 'dist', '.built-at');
const tick = () => new Promise((resolve) => setTimeout(resolve, 25));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Seconds from `npm start` to the home page's 200; the server is stopped afterwards. */
async function timeStart(env: NodeJS.ProcessEnv): Promise<{ seconds: number; output: string }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so npm, node and the build stop together
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      const ok = await fetch(`http://localhost:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        const seconds = (performance.now() - started) / 1000;
        // A first start serves once the pages exist; the build then finishes behind the server.
        // Stop it only once the build is done, so the next (warm) start finds it complete.
        while (!existsSync(STAMP) && child.exitCode === null) await tick();
        return { seconds, output };
      }
      if (child.exitCode !== null) throw new Error(`npm start stopped:\n${output}`);
      await tick();
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

export async function run(): Promise<BenchSection> {
  const before = load();
  const cold: number[] = [];
  const coldLoad: string[] = [];
  let progress = '';
  for (let i = 0; i < RUNS; i++) {
    for (const path of BUILT) rmSync(join(ROOT, path), { recursive: true, force: true });
    const cache = mkdtempSync(join(tmpdir(), 'layerwise-bench-compile-cache-'));
    try {
      const r = await timeStart({ NODE_COMPILE_CACHE: cache });
      cold.push(r.seconds);
      coldLoad.push(load().split(' ')[0]!);
      progress = r.output;
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
  const warm: number[] = [];
  const warmLoad: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    warm.push((await timeStart({})).seconds);
    warmLoad.push(load().split(' ')[0]!);
  }
  // Starlight has no `npm start`: its anchor is the cold `astro build` of the same lessons.
  const anchor = starlightAnchor();
  const anchorLoad = load().split(' ')[0]!;
  const lines = progress.split('\n').filter((l) => l.startsWith('layerwise:'));
  return {
    title: `npm start: the command → the home page answers (median of ${RUNS})`,
    columns: ['start', 'seconds', 'runs', 'load after each'],
    rows: [
      [
        'cold: a fresh clone after npm install (builds the site)',
        median(cold).toFixed(1),
        cold.map((s) => s.toFixed(1)).join(' '),
        coldLoad.join(' '),
      ],
      [
        'warm: nothing changed since the last start',
        median(warm).toFixed(2),
        warm.map((s) => s.toFixed(2)).join(' '),
        warmLoad.join(' '),
      ],
      [
        'Starlight anchor: astro build of the same lessons, cold (no server)',
        anchor.seconds.toFixed(1),
        '1',
        anchorLoad,
      ],
    ],
    notes: [
      'targets (issue 14): cold at most 10 s on a 2-core machine, with a progress line; warm at most 1 s',
      `what the cold start printed (without a terminal, a line per step): ${lines.join(' | ')}`,
      `load average (1 min) ${before} before, ${load()} after: figures under load are indicative only`,
    ],
  };
}
