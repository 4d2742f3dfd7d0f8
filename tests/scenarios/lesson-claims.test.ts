/**
 * The lessons' own claims, in the browser terminal. scripts/capture-outputs runs each lesson's
 * commands on the real engine and keeps an output only when every claim the lesson makes about it
 * holds (exit code, the build steps CACHED, text it says or rules out). Here the simulator runs the
 * same scenarios, from the same project files, and must keep the same claims, or else say plainly
 * that it cannot run the command (a documented gap: hostname -I, tar, docker import). A scenario stops at a step the simulator cannot stage (a server held in the foreground
 * while another terminal acts, an engine stopped on purpose) and at a gap, since later steps
 * depend on them. This caught "What is an image": both `sleep 600` containers had exited at once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/core/sandbox/index.ts';
import { stripAnsi } from '../../src/core/text/index.ts';
import { nodePythonRuntime } from '../../src/node/python/pyodide-runtime.ts';
import { SCENARIOS } from '../../scripts/capture-outputs/scenarios/index.ts';
import { claimProblems } from '../../scripts/capture-outputs/claims.ts';
import {
  listFiles,
  materialise,
  readWorkspaceFile,
} from '../../scripts/capture-outputs/workspace.ts';
import type { Scenario, Step } from '../../scripts/capture-outputs/lab.ts';

const GAP = /not simulated in this browser terminal/;
const PROJECT = '/home/learner/demo';

/** The project as the lab starts it: the workspace state, then the scenario's own files. */
function projectFiles(scenario: Scenario): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-claims-'));
  try {
    materialise(scenario.workspace, dir);
    scenario.prepare?.(dir);
    return Object.fromEntries(
      listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the scenario; returns the claims broken, and where it stopped (null: it ran to the end). */
async function runClaims(
  scenario: Scenario,
): Promise<{ problems: string[]; stopped: string | null }> {
  const sandbox = createSandbox({
    files: projectFiles(scenario),
    python: nodePythonRuntime(),
    yaml: () => import('yaml').then((m) => m.parseDocument),
  });
  const problems: string[] = [];
  try {
    for (const action of scenario.actions) {
      if ('edit' in action) {
        sandbox.fs.write(action.edit, readWorkspaceFile(action.from));
        continue;
      }
      const step: Step = action;
      if (step.only && !step.only.includes('classic')) continue;
      if (step.serve) return { problems, stopped: 'a server in the foreground' };
      if (step.situation) return { problems, stopped: `the situation ${step.situation}` };
      // Each step of the lab is its own shell in the project folder (or in `cwd`).
      await sandbox.runLine(`cd ${join(PROJECT, step.cwd ?? '')}`);
      if (step.after) {
        const { poll, until } = step.after;
        // The simulator reaches what the lab waits for within a few commands.
        for (let i = 0; i < 20 && !until.test((await sandbox.runLine(poll)).output); i++);
      }
      const { output, exitCode } = await sandbox.runLine(step.run, { tty: true });
      if (GAP.test(output)) return { problems, stopped: `a gap: ${step.run}` };
      for (const problem of claimProblems(stripAnsi(output), exitCode, step.claims ?? {}))
        problems.push(`$ ${step.shown ?? step.run}: ${problem}\n${output}`);
    }
    return { problems, stopped: null };
  } finally {
    sandbox.dispose();
  }
}

describe("the lessons' claims hold in the browser terminal", () => {
  it.each(SCENARIOS.map((s) => [`${s.lesson}: ${s.name}`, s] as const))(
    '%s',
    async (_, scenario) => {
      const { problems } = await runClaims(scenario);
      expect(problems).toEqual([]);
    },
  );

  it('only the documented gaps and unstaged steps stop a scenario early', async () => {
    const stops: string[] = [];
    for (const scenario of SCENARIOS) {
      const { stopped } = await runClaims(scenario);
      if (stopped) stops.push(`${scenario.name}: ${stopped}`);
    }
    expect(stops).toEqual([
      'docker-version: the situation engine-stopped',
      'local-app: a server in the foreground',
      'run-foreground: a server in the foreground',
      `run-other-ports: a gap: curl -sS "http://$(hostname -I | cut -d' ' -f1)":8080/`,
      'compose-watch: a server in the foreground',
      'address-in-use: a server in the foreground',
      `exec-format: a gap: tar -C rootfs -c . | docker import --change 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]' - demo-image:arm64`,
    ]);
  });
});
