/** An Engine snapshot read as the shapes the judges share with a paste (judge/*.ts). */
import { imageName } from '../../docker/index.ts';
import type { EngineSnapshot } from '../../evidence.ts';
import { COURSE_IMAGE } from '../course.ts';
import type { ContainerSeen } from '../judge/containers.ts';
import type { ImageSeen } from '../judge/images.ts';

/** The image the learner asked about (`--image`), else the course's. */
export const wantedImage = (s: EngineSnapshot) => s.image ?? COURSE_IMAGE;

/** One row per tag, as `docker images` lists them. */
export function imagesIn(s: EngineSnapshot): Omit<ImageSeen, 'line'>[] {
  return s.images.flatMap((i) =>
    i.tags.length
      ? i.tags.map((t) => ({
          repository: imageName(t).repository,
          tag: imageName(t).tag,
          id: i.id,
        }))
      : [{ repository: '<none>', tag: '<none>', id: i.id }],
  );
}

export function containersIn(s: EngineSnapshot): ContainerSeen[] {
  return s.containers.map((c) => ({
    name: c.name,
    image: c.image,
    running: c.state === 'running',
    status: c.status,
    exitCode: c.exitCode,
    ports: c.ports,
    startError: c.startError,
  }));
}
