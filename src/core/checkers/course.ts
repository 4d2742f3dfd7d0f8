/**
 * What the course builds, as the checkers expect it. tests/unit/checkers/course.test.ts pins these
 * against content/workspace/solution/Dockerfile so the two cannot drift apart.
 */
import { normaliseRef } from '../docker-output/parsed.ts';

export const COURSE = {
  /** `docker build -t demo-image:latest .` */
  imageName: 'demo-image',
  imageTag: 'latest',
  workdir: '/demo',
  containerPort: 8000,
  hostPort: 8000,
  cmd: ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'],
  /** the app's answer at / (a JSON string, quotes included) */
  body: '"Welcome to root"',
} as const;

export const COURSE_IMAGE = `${COURSE.imageName}:${COURSE.imageTag}`;

/** `demo-image`, `demo-image:latest`, `docker.io/library/demo-image:v2` → `demo-image` */
export function repositoryOf(ref: string): string {
  const full = normaliseRef(ref).split('@')[0]!;
  return full.slice(
    0,
    full.lastIndexOf(':') > full.lastIndexOf('/') ? full.lastIndexOf(':') : full.length,
  );
}

/** the tag, `latest` when none is given */
export function tagOf(ref: string): string {
  const full = normaliseRef(ref);
  if (full.includes('@')) return 'latest';
  const colon = full.lastIndexOf(':');
  return colon > full.lastIndexOf('/') ? full.slice(colon + 1) : 'latest';
}
