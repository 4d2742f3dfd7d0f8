/** Scenario files: `cases/NN-name.sh` (commands as a learner types them), starting from the course workspace. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitScript } from '../../src/core/sandbox/index.ts';
import { readWorkspace } from '../../src/node/cli/sandbox.ts';

export const HERE = fileURLToPath(new URL('.', import.meta.url));
export const WORKSPACE = join(HERE, '../../content/workspace/solution');

export interface Scenario {
  name: string;
  /** the first comment line: what the scenario shows */
  title: string;
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
      return {
        name: file.replace(/\.sh$/, ''),
        title: /^#\s*(.*)$/m.exec(text)?.[1] ?? file,
        commands: splitScript(text),
        expectedPath: join(HERE, 'expected', file.replace(/\.sh$/, '.json')),
        recordedPath: join(HERE, 'recorded', file.replace(/\.sh$/, '.json')),
      };
    });
}

/** The workspace's files with their modes, as the simulator's `files` option takes them. */
export function workspaceFiles(root = WORKSPACE): Record<string, { text: string; mode: number }> {
  return readWorkspace(root);
}
