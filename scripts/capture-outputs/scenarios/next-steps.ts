/** Lesson 9: the non-root image. */
import type { Scenario } from '../lab.ts';
import { quietBuild, ROOT_BODY, started } from './common.ts';

export const nextStepScenarios: Scenario[] = [
  {
    name: 'non-root',
    lesson: 'next-steps',
    workspace: { from: 'solution', overlay: 'variants/non-root' },
    actions: [
      quietBuild('docker build -t demo-image:non-root .'),
      {
        run: 'docker run -d --name demo -p 8000:8000 demo-image:non-root',
        capture: 'next-non-root',
        claims: { exitCode: 0 },
      },
      {
        run: 'docker exec demo id',
        after: started(),
        capture: 'next-non-root',
        claims: { exitCode: 0, says: ['uid=10001(app) gid=10001(app)'] },
      },
      {
        run: 'curl http://localhost:8000/',
        capture: 'next-non-root',
        claims: { exitCode: 0, says: [ROOT_BODY] },
      },
      { run: 'docker rm -f demo', capture: 'next-non-root', claims: { exitCode: 0 } },
    ],
    images: ['demo-image:non-root'],
  },
];
