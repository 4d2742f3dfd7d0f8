/** Runs a scenario in the simulator, as a script: no terminal (so builds print plain progress). */
import { createSandbox } from '../../src/core/sandbox/index.ts';
import { nodePythonRuntime } from '../../src/node/python/pyodide-runtime.ts';
import type { CommandRecord } from './summary.ts';
import { workspaceFiles, type Scenario } from './load.ts';

export async function runInSimulator(scenario: Scenario): Promise<CommandRecord[]> {
  const sandbox = createSandbox({ files: workspaceFiles(), python: nodePythonRuntime() });
  const records: CommandRecord[] = [];
  for (const command of scenario.commands) {
    const { output, exitCode } = await sandbox.runLine(command, { tty: false });
    records.push({ command, output, exitCode });
  }
  sandbox.dispose();
  return records;
}
