/** container-running: the container running with its port published. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'container-running',
  title: 'Run the container with its port published',
  command: 'docker ps',
  accepts: ['paste', 'sandbox', 'engine'],
  expects: 'the output of docker ps while your container runs',
} as const satisfies ExerciseInfo;
