/** app-reachable: the app in the container answering on the published port. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'app-reachable',
  title: 'Reach the app in the container',
  command: 'curl -i http://localhost:8000/',
  accepts: ['paste', 'sandbox', 'engine'],
  expects: 'the output of curl against the published port',
} as const satisfies ExerciseInfo;
