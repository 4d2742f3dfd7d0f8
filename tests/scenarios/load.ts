/** Scenario files: `cases/NN-name.sh` (commands as a learner types them), starting from the course workspace. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitScript } from '../../src/core/sandbox/index.ts';
import { readWorkspace } from '../../src/node/cli/sandbox.ts';

export const HERE = fileURLToPath(new URL('.', import.meta.url));
export const WORKSPACE = join(HERE, '../../content/workspace/solution');

/** A condition the real engine reaches in its own time (`#wait NAME exited`, `#wait NAME log "TEXT" 2`). */
export type WaitCondition =
  | { container: string; state: 'running' | 'exited' | 'restarting' | 'created' }
  | { container: string; log: string; count: number };

export type Step = { command: string } | { wait: WaitCondition };

export interface Scenario {
  name: string;
  /** the first comment line: what the scenario shows */
  title: string;
  /** a `# off-path` line: not on the lessons' path (a mistake, curiosity, another command) */
  offPath: boolean;
  steps: Step[];
  commands: string[];
  expectedPath: string;
  /** the real engine's raw output for the scenario, as last recorded */
  recordedPath: string;
}

export function loadScenarios(): Scenario[] {
  const dir = join(HERE, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sh'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const steps = readSteps(text, file);
      return {
        name: file.replace(/\.sh$/, ''),
        title: /^#\s*(.*)$/m.exec(text)?.[1] ?? file,
        offPath: /^# off-path\s*$/m.test(text),
        steps,
        commands: steps.flatMap((s) => ('command' in s ? [s.command] : [])),
        expectedPath: join(HERE, 'expected', file.replace(/\.sh$/, '.json')),
        recordedPath: join(HERE, 'recorded', file.replace(/\.sh$/, '.json')),
      };
    });
}

/** Commands as splitScript reads them, with `#wait` lines between them kept as conditions. */
function readSteps(text: string, file: string): Step[] {
  const steps: Step[] = [];
  let chunk: string[] = [];
  const flush = () => {
    steps.push(...splitScript(chunk.join('\n')).map((command) => ({ command })));
    chunk = [];
  };
  for (const line of text.split('\n')) {
    const wait = /^#wait (\S+) (running|exited|restarting|created)\s*$/.exec(line);
    const log = /^#wait (\S+) log "([^"]+)"(?: (\d+))?\s*$/.exec(line);
    if (!wait && !log) {
      if (line.startsWith('#wait')) throw new Error(`${file}: cannot read ${line}`);
      chunk.push(line);
      continue;
    }
    flush();
    steps.push({
      wait: wait
        ? { container: wait[1]!, state: wait[2] as 'running' }
        : { container: log![1]!, log: log![2]!, count: Number(log![3] ?? 1) },
    });
  }
  flush();
  return steps;
}

/** The workspace's files with their modes, as the simulator's `files` option takes them. */
export function workspaceFiles(root = WORKSPACE): Record<string, { text: string; mode: number }> {
  return readWorkspace(root);
}
