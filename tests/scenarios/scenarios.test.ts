/**
 * Every scenario run in the simulator must give the summary the real engine gave (checked in
 * under expected/, written by scenarios.docker.test.ts with UPDATE_SCENARIOS=1).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from './load.ts';
import { runInSimulator } from './sim-runner.ts';
import { summarize } from './summary.ts';
import { usePython } from '../unit/python/use-python.ts';

const scenarios = loadScenarios();
usePython();

describe('scenarios in the simulator match the real engine', () => {
  it('has at least 25 scenarios, each with a checked-in expectation', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(25);
    expect(scenarios.filter((s) => !existsSync(s.expectedPath)).map((s) => s.name)).toEqual([]);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const actual = summarize(await runInSimulator(scenario));
    const expected = JSON.parse(readFileSync(scenario.expectedPath, 'utf8'));
    expect(actual).toEqual(expected);
  });
});
