/**
 * `npm test`: every test. The type check, the per-layer type checks, lint and format, unit tests
 * (Vitest) and the production build, with the real-engine tests (Vitest's docker project) running
 * beside them; then the browser tests (Playwright) against the build, beside the real-engine tests
 * too where they can have a network of their own (Linux, as root). To run a subset, call
 * `npx vitest` or `npx playwright test` directly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeEnvironment } from '../src/node/engine/engine-environment.ts';
import { connectEngine } from '../src/node/engine/open-engine.ts';
import { describePace, timeScale } from '../tests/machine-pace.ts';
import { buildIfStale } from './build-if-stale.ts';
import { readReport, type TestReport } from './test-report.ts';

// Measured once, before the suite loads the machine itself; Vitest and Playwright read it from the env.
timeScale();
console.log(`layerwise: ${describePace()}`);
// One line on the engine up front: without one, the real-engine tests skip and "Check my Docker" is
// tested against the local API's documented 503; nothing fails for it.
const engine = await connectEngine(nodeEnvironment(process.env));
console.log(
  'problem' in engine
    ? `layerwise: no Docker Engine answers (${engine.problem.message.replace(/\.$/, '')}): the real-engine tests skip, and "Check my Docker" is tested on its answer for that case`
    : `layerwise: Docker Engine ${engine.connection.engine.version} at ${engine.connection.address}: the real-engine tests run`,
);

const run = (label: string, args: string[]) => {
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return r.status ?? 1;
};

/**
 * Starts a step now and reports it later: its output goes to a file (a pipe would stall while the
 * steps after it run synchronously) and is printed, whole, when `finish()` is awaited. `prefix`
 * runs it through another program (unshare).
 */
function startInBackground(
  label: string,
  args: string[],
  options: { prefix?: string[]; env?: NodeJS.ProcessEnv; when?: string } = {},
): { finish(): Promise<number>; report(): TestReport } {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-test-'));
  const file = join(dir, 'output.txt');
  const out = openSync(file, 'w');
  console.log(
    `\n━━ ${label}: started, its report follows ${options.when ?? "the browser tests' build"} ━━`,
  );
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, ...args];
  const child = spawn(command!, rest, {
    stdio: ['ignore', out, out],
    env: { ...(options.env ?? process.env), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '1' },
  });
  // A run that stops early (a failed build exits) takes the background step with it.
  process.on('exit', () => child.kill());
  const ended = new Promise<number>((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
  let output = '';
  return {
    async finish() {
      const status = await ended;
      console.log(`\n━━ ${label} ━━`);
      output = readFileSync(file, 'utf8');
      process.stdout.write(output);
      rmSync(dir, { recursive: true, force: true });
      return status;
    },
    report: () => readReport(output),
  };
}

/**
 * Chromium aborts its requests (net::ERR_NETWORK_CHANGED) whenever Docker adds a network
 * interface, which the real-engine tests do all along. In a network namespace of their own the
 * browser (and the site's server, and the local API, which reaches Docker through its Unix socket)
 * sees none of that, so the browser tests can run beside the real-engine tests instead of after
 * them. Besides the loopback the namespace has one interface with an address and a default route
 * to nowhere, as a machine without internet has: with a loopback alone Chromium calls itself
 * offline (navigator.onLine), which the WebContainer fallback tests read. Linux as root only (CI,
 * the lab); elsewhere they wait, as before.
 */
function ownNetwork(): string[] | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  if (/^(tcp|ssh|https?):/.test(process.env['DOCKER_HOST'] ?? '')) return null;
  const setup = [
    'ip link set lo up',
    'ip link add lw0 type veth peer name lw1',
    'ip addr add 10.77.0.1/24 dev lw0',
    'ip link set lw1 up',
    'ip link set lw0 up',
    'ip route add default via 10.77.0.2 dev lw0',
  ].join(' && ');
  const prefix = ['unshare', '--net', 'sh', '-c', `${setup} && exec "$0" "$@"`];
  const probe = spawnSync(prefix[0]!, [...prefix.slice(1), 'true'], { stdio: 'ignore' });
  return probe.status === 0 ? prefix : null;
}

const bin = (pkg: string) => new URL(`../node_modules/${pkg}`, import.meta.url).pathname;

const LAYERS = ['tsconfig.core.json', 'tsconfig.islands.json', 'tsconfig.node.json'];
const ESLINT_CACHE = [
  '--cache',
  '--cache-strategy',
  'content',
  '--cache-location',
  'node_modules/.cache/eslint/',
];

const failures: string[] = [];
/** What the background steps' reports name: failed tests, and tests that passed on a second run. */
const summary: string[] = [];
const finished = async (step: string, stage: ReturnType<typeof startInBackground>) => {
  const status = await stage.finish();
  const { failed, retried } = stage.report();
  if (status !== 0) {
    failures.push(step);
    summary.push(`${step}, failed: ${failed.length ? '' : 'no test named (see its report above)'}`);
    summary.push(...failed.slice(0, 40).map((line) => `  ${line}`));
  }
  if (retried.length) {
    summary.push(`${step}, passed only when run a second time:`);
    summary.push(...retried.map((line) => `  ${line}`));
  }
};
// The real-engine tests mostly wait on the engine, so they run beside the checks, the units and
// the build (about five minutes saved on a 2-core machine), and beside the browser tests where
// those can have a network of their own (ownNetwork, below).
const realEngine = startInBackground('real-engine tests (vitest --project docker)', [
  bin('vitest/vitest.mjs'),
  'run',
  '--project',
  'docker',
  // Every test on its line, with "(retry x1)" beside one that needed a second run.
  '--reporter=verbose',
]);
if (
  run('type check (astro check: .ts and .astro files, strictest)', [
    bin('astro/bin/astro.mjs'),
    'check',
  ]) !== 0
)
  failures.push('astro check');
// The house rules, checked by tools (issue 13 item 4). Each layer type-checks with only the globals
// it may use (core: ES only; islands: DOM, no Node; node: Node, no DOM) in one `tsc -b`; then ESLint
// (eslint.config.mjs) and Prettier's check. All three keep a cache in node_modules/.cache, so a
// second run reads only what changed. tests/unit/architecture.test.ts (imports) runs with vitest.
if (
  run('layer type checks (tsconfig.{core,islands,node}.json)', [
    bin('typescript/bin/tsc'),
    '-b',
    ...LAYERS,
  ]) !== 0
)
  failures.push('layer type checks');
if (run('lint (eslint)', [bin('eslint/bin/eslint.js'), ...ESLINT_CACHE, '.']) !== 0)
  failures.push('eslint');
if (
  run('format (prettier --check)', [
    bin('prettier/bin/prettier.cjs'),
    '--check',
    '--cache',
    '.',
  ]) !== 0
)
  failures.push('prettier');
if (
  run('unit tests (vitest --project unit)', [
    bin('vitest/vitest.mjs'),
    'run',
    '--project',
    'unit',
  ]) !== 0
)
  failures.push('vitest (unit)');
console.log('\n━━ production build ━━');
buildIfStale(true);
const isolated = ownNetwork();
if (isolated) {
  // The limits are measured again when the browser tests start, with the engine's tests running.
  const env = { ...process.env };
  delete env['LAYERWISE_TIME_SCALE'];
  const browser = startInBackground(
    'browser tests (playwright, in a network namespace of their own, beside the real-engine tests)',
    [bin('@playwright/test/cli.js'), 'test'],
    { prefix: isolated, env, when: 'the real-engine tests' },
  );
  await finished('vitest (real engine)', realEngine);
  await finished('playwright', browser);
} else {
  await finished('vitest (real engine)', realEngine);
  if (run('browser tests (playwright)', [bin('@playwright/test/cli.js'), 'test']) !== 0)
    failures.push('playwright');
}

if (summary.length) console.log(`\n━━ summary ━━\n${summary.join('\n')}`);
if (failures.length) {
  console.error(`\nlayerwise: failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nlayerwise: all tests passed');
