/** cached-rebuild: a rebuild after changing only app/main.py: the install from the cache, the code copied again. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'cached-rebuild',
  title: 'Rebuild after changing app/main.py',
  command: 'docker build -t demo-image:latest .',
  accepts: ['paste', 'sandbox', 'engine'],
  expects: 'the output of the second docker build, after you changed only app/main.py',
} as const satisfies ExerciseInfo;
