/**
 * What a lesson says about a command's output, as data, so the same claim is checked three times:
 * when an output is captured, when the real-engine tests run it again, and against the saved file.
 */
import type { LabMode, Scenario, Step, StepResult } from './lab.ts';
import { parse } from '../../src/core/docker-output/index.ts';

export interface Claims {
  /** the exit code, or the codes of which any one will do (where the engine's timing decides) */
  exitCode?: number | readonly number[];
  /** the build's numbered steps after FROM that were CACHED, e.g. `['2/5', '3/5']`; every other one must have run */
  cached?: string[];
  /** text (or patterns) the output must contain */
  says?: (string | RegExp)[];
  /** text (or patterns) the output must not contain */
  saysNot?: (string | RegExp)[];
}

const found = (output: string, what: string | RegExp) =>
  typeof what === 'string' ? output.includes(what) : what.test(output);
const show = (what: string | RegExp) =>
  typeof what === 'string' ? JSON.stringify(what) : String(what);

/** Every way `output` (and its exit code, when known) breaks the claims; empty when it keeps them. */
export function claimProblems(output: string, exitCode: number | null, claims: Claims): string[] {
  const problems: string[] = [];
  const allowed = claims.exitCode === undefined ? null : ([] as number[]).concat(claims.exitCode);
  if (allowed && exitCode !== null && !allowed.includes(exitCode)) {
    problems.push(`exit code ${exitCode}, the lesson says ${allowed.join(' or ')}`);
  }
  if (claims.cached) {
    const steps = parse(output)
      .flatMap((p) => (p.kind === 'build' ? p.build.steps : []))
      .filter((s) => !s.instruction.startsWith('FROM '));
    if (steps.length === 0) problems.push('no build steps found in the output');
    const cached = steps
      .filter((s) => s.cached)
      .map((s) => `${s.index}/${s.total}`)
      .sort();
    const expected = [...claims.cached].sort();
    if (cached.join(' ') !== expected.join(' ')) {
      problems.push(
        `cached steps [${cached.join(', ')}], the lesson says [${expected.join(', ')}]`,
      );
    }
  }
  for (const what of claims.says ?? [])
    if (!found(output, what)) problems.push(`does not say ${show(what)}`);
  for (const what of claims.saysNot ?? [])
    if (found(output, what)) problems.push(`says ${show(what)}, which the lesson rules out`);
  return problems;
}

/** What the lesson claims for a step on an engine: its own claims on the reference lab, else the engine's. */
export const claimsOn = (step: Step, mode: LabMode): Claims =>
  mode === 'classic' ? (step.claims ?? {}) : (step.on?.[mode] ?? {});

/** Every claim of a scenario checked against what its run printed; each problem names the scenario and command. */
export function scenarioProblems(
  scenario: Scenario,
  results: StepResult[],
  mode: LabMode = 'classic',
): string[] {
  const problems = results.flatMap((r) =>
    claimProblems(r.output, r.exitCode, claimsOn(r.step, mode)).map(
      (p) => `${scenario.name}: $ ${r.shown}: ${p}`,
    ),
  );
  const compared = mode === 'classic' ? (scenario.compare?.(results) ?? []) : [];
  return [...problems, ...compared.map((p) => `${scenario.name}: ${p}`)];
}
