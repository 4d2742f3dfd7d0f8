/** Every scenario the lab runs, in course order. */
import { stepsOf, type Scenario } from '../lab.ts';
import { buildingScenarios } from './building.ts';
import { conceptScenarios } from './concepts.ts';
import { devLoopScenarios } from './dev-loop.ts';
import { nextStepScenarios } from './next-steps.ts';
import { runningScenarios } from './running.ts';
import { troubleshootingScenarios } from './troubleshooting.ts';

export const SCENARIOS: readonly Scenario[] = [
  ...conceptScenarios,
  ...buildingScenarios,
  ...runningScenarios,
  ...devLoopScenarios,
  ...troubleshootingScenarios,
  ...nextStepScenarios,
];

/** The commands a learner sees in the lessons that the lab runs, as shown. */
export function shownCommands(scenarios: readonly Scenario[] = SCENARIOS): Set<string> {
  return new Set(scenarios.flatMap(stepsOf).map((s) => s.shown ?? s.run));
}
