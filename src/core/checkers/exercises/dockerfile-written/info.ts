/** dockerfile-written: the learner's Dockerfile, judged by the Dockerfile analysis. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'dockerfile-written',
  title: 'Write the Dockerfile',
  command: 'cat Dockerfile',
  accepts: ['paste', 'file', 'sandbox'],
  expects: 'the text of your Dockerfile',
} as const satisfies ExerciseInfo;
