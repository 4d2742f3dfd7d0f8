/**
 * Read the engine once, then judge each exercise with the same `check(id, evidence)` a paste gets.
 * Shared by `layerwise verify` and the local endpoint, so both answer alike.
 */
import { COURSE_IMAGE } from '../../core/checkers/course.ts';
import type { EngineSnapshot, Evidence, Verdict } from '../../core/evidence.ts';
import type { EngineEnvironment } from './engine-environment.ts';
import { readEngine, type EngineConnection } from './open-engine.ts';
import type { EngineProblem } from './problems.ts';

export type CheckFn = (id: string, evidence: Evidence) => Verdict;

export { ENGINE_EXERCISES } from './engine-exercises.ts';

export interface VerifyRequest {
  /** exercise ids, in the order to report them */
  exercises: readonly string[];
  image?: string | undefined;
  previous?: string | undefined;
}

export interface Verified {
  verdicts: { exercise: string; verdict: Verdict }[];
  snapshot: EngineSnapshot;
  connection: EngineConnection;
}

/** The checkers load on first use, so a checker module that fails to load cannot stop the server or the CLI from starting. */
async function loadCheck(): Promise<CheckFn> {
  return (await import('../../core/checkers/index.ts')).check;
}

export async function verifyOnEngine(
  env: EngineEnvironment,
  request: VerifyRequest,
  check?: CheckFn,
): Promise<Verified | { problem: EngineProblem }> {
  const read = await readEngine(env, {
    image: request.image ?? COURSE_IMAGE,
    previous: request.previous ?? null,
  });
  if ('problem' in read) return read;
  const judge = check ?? (await loadCheck());
  const evidence: Evidence = { source: 'engine', snapshot: read.snapshot };
  return {
    verdicts: request.exercises.map((exercise) => ({
      exercise,
      verdict: judge(exercise, evidence),
    })),
    snapshot: read.snapshot,
    connection: read.connection,
  };
}
