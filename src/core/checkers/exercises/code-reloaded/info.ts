/** code-reloaded: an edit picked up by uvicorn --reload in a container with the app bind-mounted. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'code-reloaded',
  title: 'Change the code without rebuilding',
  command: 'docker logs demo; curl http://localhost:8000/',
  accepts: ['paste', 'sandbox'],
  expects:
    'the output of docker logs demo after you edited app/main.py, then of curl http://localhost:8000/',
} as const satisfies ExerciseInfo;
