/**
 * CLI cold start: `layerwise explain` of a typical paste, as a learner runs it (a new Node process
 * each time), compiled (dist-cli/, what `npm install` builds) and from the TypeScript sources (tsx,
 * the fallback), beside a bare `node -e 0` for the machine's own start-up cost. hyperfine when it is
 * installed (mean wall time, and CPU time, which the machine's load disturbs less); otherwise the
 * median wall time of repeated runs. Target: at most 0.3 s.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median, type BenchSection } from './section.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASTE = 'tests/fixtures/docker-output/pastes/ohmyzsh-run-ps-curl.txt';
const RUNS: [string, string, Record<string, string>][] = [
  ['layerwise explain, compiled (dist-cli/)', `node bin/layerwise.mjs explain ${PASTE}`, {}],
  [
    'layerwise explain, from source (tsx)',
    `node bin/layerwise.mjs explain ${PASTE}`,
    { LAYERWISE_FROM_SOURCE: '1' },
  ],
  ['node -e 0 (the floor)', 'node -e 0', {}],
];

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function withHyperfine(cmd: string, env: Record<string, string>): (string | number)[] {
  const out = `/tmp/layerwise-bench-cli-${process.pid}.json`;
  spawnSync('hyperfine', ['-N', '--warmup', '2', '--runs', '10', '--export-json', out, cmd], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const r = JSON.parse(spawnSync('cat', [out], { encoding: 'utf8' }).stdout).results[0];
  spawnSync('rm', ['-f', out]);
  return [(r.mean * 1000).toFixed(0), ((r.user + r.system) * 1000).toFixed(0)];
}

function withTimer(cmd: string, env: Record<string, string>): (string | number)[] {
  const [bin, ...args] = cmd.split(' ');
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const started = performance.now();
    spawnSync(bin!, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    if (i >= 2) times.push(performance.now() - started);
  }
  return [median(times).toFixed(0), ''];
}

export async function run(): Promise<BenchSection> {
  // Build first if a source changed, so the compiled row measures a start, not a compile.
  spawnSync('node', ['bin/layerwise.mjs', '--help'], { cwd: ROOT, stdio: 'ignore' });
  const hyperfine = has('hyperfine');
  const load = loadavg()[0]!.toFixed(1);
  const rows = RUNS.map(([label, cmd, env]) => [
    label,
    ...(hyperfine ? withHyperfine(cmd, env) : withTimer(cmd, env)),
  ]);
  const after = loadavg()[0]!.toFixed(1);
  return {
    title: 'CLI cold start (bin/layerwise.mjs, a new process each run)',
    columns: ['command', 'wall ms', 'CPU ms (user+sys)'],
    rows,
    notes: [
      hyperfine
        ? 'hyperfine -N, 2 warm-ups, mean of 10 runs'
        : 'median wall time of 10 runs after 2 warm-ups (install hyperfine for CPU time)',
      `target: layerwise explain of a typical paste in at most 300 ms; load average ${load} before, ${after} after (on a loaded machine compare with the node -e 0 floor)`,
    ],
  };
}
