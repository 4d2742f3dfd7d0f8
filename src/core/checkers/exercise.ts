/** What an exercise is: which lesson holds it, what evidence it reads, and how it judges it. */
import type { Evidence, EvidenceSource, Verdict } from '../evidence.ts';

export type ExerciseId =
  | 'demo-app-runs'
  | 'dockerfile-written'
  | 'first-build'
  | 'cached-rebuild'
  | 'image-listed'
  | 'container-running'
  | 'app-reachable'
  | 'code-reloaded';

/** What a page needs to show an exercise; no checking code, so pages can import it freely. */
export interface ExerciseInfo {
  id: ExerciseId;
  /** slug of the lesson that holds it */
  lesson: string;
  /** the task, as the panel's heading says it */
  title: string;
  /** the command(s) whose output the learner pastes */
  command: string;
  accepts: readonly EvidenceSource[];
  /** what the panel and an `unrecognized` verdict say it reads */
  expects: string;
}

export interface Exercise extends ExerciseInfo {
  /** `context.today` (YYYY-MM-DD) dates the end-of-life checks; core reads no clock */
  check(evidence: Evidence, context?: { today?: string }): Verdict;
}
