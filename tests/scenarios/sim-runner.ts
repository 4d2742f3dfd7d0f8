/** Runs a scenario in the simulator, as a script: no terminal (so builds print plain progress). */
import { createSandbox, type Sandbox } from '../../src/core/sandbox/index.ts';
import { nodePythonRuntime } from '../../src/node/python/pyodide-runtime.ts';
import type { CommandRecord, RecordedRun } from './summary.ts';
import { workspaceFiles, type Scenario, type WaitCondition } from './load.ts';

export async function runInSimulator(scenario: Scenario): Promise<RecordedRun> {
  const sandbox = createSandbox({
    files: workspaceFiles(),
    python: nodePythonRuntime(),
    yaml: () => import('yaml').then((m) => m.parseDocument),
  });
  const records: CommandRecord[] = [];
  for (const step of scenario.steps) {
    if ('wait' in step) {
      await waitFor(sandbox, step.wait, scenario.name);
      continue;
    }
    const { output, exitCode } = await sandbox.runLine(step.command, { tty: false });
    records.push({ command: step.command, output, exitCode });
  }
  sandbox.dispose();
  return { workdir: '/home/learner/demo', foreign: { containers: [], images: [] }, records };
}

/** The simulator reaches a `#wait` condition as soon as its own work is done: a few turns of the event loop at most. */
async function waitFor(sandbox: Sandbox, condition: WaitCondition, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  const probe =
    'state' in condition
      ? `docker inspect -f '{{.State.Status}}' ${condition.container}`
      : `docker logs ${condition.container}`;
  for (;;) {
    const { output } = await sandbox.runLine(probe, { tty: false });
    const holds =
      'state' in condition
        ? output.trim() === condition.state
        : output.split(condition.log).length - 1 >= condition.count;
    if (holds) return;
    if (Date.now() > deadline)
      throw new Error(`${name}: the simulator never reached #wait ${JSON.stringify(condition)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
