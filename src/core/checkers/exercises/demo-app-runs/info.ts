/** demo-app-runs: the demo app answers on the learner's machine, before any Docker. What a page shows of it; no checking code, so pages import it cheaply. */
import type { ExerciseInfo } from '../../exercise.ts';

export const info = {
  id: 'demo-app-runs',
  title: 'Run the app without Docker',
  command: 'curl -i http://localhost:8000/',
  accepts: ['paste', 'sandbox'],
  expects: 'the output of curl against the app running on your machine (uvicorn or fastapi dev)',
} as const satisfies ExerciseInfo;
