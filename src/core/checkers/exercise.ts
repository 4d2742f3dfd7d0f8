/** What an exercise is: what it asks, what evidence it reads, and how it judges it. */
import type { Evidence, EvidenceSource, Verdict } from '../evidence.ts';
import type { ExerciseId } from './catalog.ts';

export type { ExerciseId } from './catalog.ts';

/**
 * What a page needs to show an exercise; no checking code, so pages can import it freely. The
 * lesson that holds it says so in its frontmatter (`exercises:`), checked against the catalog.
 */
export interface ExerciseInfo {
  id: string;
  /** the task, as the panel's heading says it */
  title: string;
  /** the command(s) whose output the learner pastes */
  command: string;
  accepts: readonly EvidenceSource[];
  /** what the panel and an `unrecognized` verdict say it reads */
  expects: string;
}

export interface Exercise extends ExerciseInfo {
  id: ExerciseId;
  /** `context.today` (YYYY-MM-DD) dates the end-of-life checks; core reads no clock */
  check(evidence: Evidence, context?: { today?: string }): Verdict;
}
