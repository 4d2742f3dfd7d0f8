/** What an exercise is: which lesson holds it, what evidence it reads, and how it judges it. */
import type { Evidence, EvidenceSource, Verdict } from '../evidence.ts';

export type ExerciseId =
  | 'demo-app-runs'
  | 'dockerfile-written'
  | 'first-build'
  | 'cached-rebuild'
  | 'image-listed'
  | 'container-running'
  | 'app-reachable';

export interface Exercise {
  id: ExerciseId;
  /** slug of the lesson that holds it */
  lesson: string;
  /** the task, as the panel's heading says it */
  title: string;
  /** the command whose output the learner pastes, e.g. `docker build -t demo-image:latest .` */
  command: string;
  accepts: readonly EvidenceSource[];
  /** what the panel and an `unrecognized` verdict say it reads */
  expects: string;
  check(evidence: Evidence): Verdict;
}
