/**
 * Sandbox speed: a simulated `docker build` of the course's demo project, cold (fresh sandbox,
 * empty build cache) and warm (everything CACHED), and a whole first-session script. Target:
 * a build in 20 ms or less, so the in-browser terminal answers at once.
 */
import { createSandbox } from '../../src/core/sandbox/index.ts';
import { readWorkspace } from '../../src/node/cli/sandbox.ts';
import { median, type BenchSection } from './section.ts';

const WORKSPACE = new URL('../../content/workspace/solution', import.meta.url).pathname;
const RUNS = 30;

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

export async function run(): Promise<BenchSection> {
  const workspace = readWorkspace(WORKSPACE);
  const cold: number[] = [];
  const warm: number[] = [];
  const session: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const sandbox = createSandbox({ files: workspace });
    cold.push(await time(() => sandbox.runLine('docker build -t demo-image .', { tty: false })));
    warm.push(await time(() => sandbox.runLine('docker build -t demo-image .', { tty: true })));
    session.push(
      await time(async () => {
        for (const line of [
          'echo "# edit" >> app/main.py',
          'docker build -t demo-image .',
          'docker run -d -p 8000:8000 --name web demo-image',
          'curl -s localhost:8000',
          'docker ps',
          'docker rm -f web',
        ])
          await sandbox.runLine(line);
      }),
    );
    sandbox.dispose();
  }
  const ms = (v: number[]) => median(v).toFixed(2);
  const max = (v: number[]) => Math.max(...v).toFixed(2);
  return {
    title: 'Sandbox: simulated Docker (ms)',
    columns: ['what', 'median', 'max'],
    rows: [
      ['docker build, cold (plain progress)', ms(cold), max(cold)],
      ['docker build, warm (tty frame)', ms(warm), max(warm)],
      ['edit + build + run + curl + ps + rm', ms(session), max(session)],
    ],
    notes: [
      `target: a build ≤ 20 ms (median of ${RUNS} fresh sandboxes, demo project from content/workspace/solution)`,
    ],
  };
}
