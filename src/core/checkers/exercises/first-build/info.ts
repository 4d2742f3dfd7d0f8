/** first-build: the course's image built and tagged. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'first-build',
  title: 'Build the image',
  command: 'docker build -t demo-image:latest .',
  accepts: ['paste', 'sandbox', 'engine'],
  expects: 'the output of docker build',
} as const satisfies ExerciseInfo;
