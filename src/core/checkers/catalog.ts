/** The course's exercises, in course order: the facts a page shows. The judging lives beside each in exercises/. */
import type { ExerciseId, ExerciseInfo } from './exercise.ts';

export const CATALOG: readonly ExerciseInfo[] = [
  {
    id: 'demo-app-runs',
    lesson: 'demo-fastapi-project',
    title: 'Run the app without Docker',
    command: 'curl -i http://localhost:8000/',
    accepts: ['paste', 'sandbox'],
    expects: 'the output of curl against the app running on your machine (uvicorn or fastapi dev)',
  },
  {
    id: 'dockerfile-written',
    lesson: 'writing-the-dockerfile',
    title: 'Write the Dockerfile',
    command: 'cat Dockerfile',
    accepts: ['paste', 'file', 'sandbox'],
    expects: 'the text of your Dockerfile',
  },
  {
    id: 'first-build',
    lesson: 'building-the-image',
    title: 'Build the image',
    command: 'docker build -t demo-image:latest .',
    accepts: ['paste', 'sandbox', 'engine'],
    expects: 'the output of docker build',
  },
  {
    id: 'cached-rebuild',
    lesson: 'building-the-image',
    title: 'Rebuild after changing app/main.py',
    command: 'docker build -t demo-image:latest .',
    accepts: ['paste', 'sandbox', 'engine'],
    expects: 'the output of the second docker build, after you changed only app/main.py',
  },
  {
    id: 'image-listed',
    lesson: 'building-the-image',
    title: 'Find your image',
    command: 'docker images',
    accepts: ['paste', 'sandbox', 'engine'],
    expects: 'the output of docker images (or docker image ls)',
  },
  {
    id: 'container-running',
    lesson: 'running-the-container',
    title: 'Run the container with its port published',
    command: 'docker ps',
    accepts: ['paste', 'sandbox', 'engine'],
    expects: 'the output of docker ps while your container runs',
  },
  {
    id: 'app-reachable',
    lesson: 'running-the-container',
    title: 'Reach the app in the container',
    command: 'curl -i http://localhost:8000/',
    accepts: ['paste', 'sandbox', 'engine'],
    expects: 'the output of curl against the published port',
  },
  {
    id: 'code-reloaded',
    lesson: 'development-loop',
    title: 'Change the code without rebuilding',
    command: 'docker logs demo; curl http://localhost:8000/',
    accepts: ['paste', 'sandbox'],
    expects:
      'the output of docker logs demo after you edited app/main.py, then of curl http://localhost:8000/',
  },
];

export function exerciseInfo(id: string): ExerciseInfo | undefined {
  return CATALOG.find((e) => e.id === id);
}

export const EXERCISE_IDS = CATALOG.map((e) => e.id) as readonly ExerciseId[];
