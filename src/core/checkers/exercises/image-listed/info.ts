/** image-listed: the image in `docker images`. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'image-listed',
  title: 'Find your image',
  command: 'docker images',
  accepts: ['paste', 'sandbox', 'engine'],
  expects: 'the output of docker images (or docker image ls)',
} as const satisfies ExerciseInfo;
