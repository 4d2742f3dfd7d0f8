/**
 * What the course builds, as the checkers expect it. tests/unit/checkers/course.test.ts pins these
 * against content/workspace/solution/Dockerfile so the two cannot drift apart.
 */
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
