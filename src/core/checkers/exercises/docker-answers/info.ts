/** docker-answers: lesson 1's check that the docker command reaches an engine new enough for the course. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'docker-answers',
  title: 'Check that Docker answers',
  command: 'docker version',
  accepts: ['paste', 'sandbox', 'engine'],
  expects: 'the output of docker version (or docker info), down to its last line',
} as const satisfies ExerciseInfo;
