/**
 * An image on the learner's Docker Engine as the build judges read it (judge/build-seen.ts): each
 * layer is a step, named by the history row that made it, and a step is "cached" when the build
 * before it (found by findPrevious) has the same layer at the same place.
 */
import { normaliseRef, stepText } from '../../docker/index.ts';
import type { EngineSnapshot } from '../../evidence.ts';
import { COURSE_IMAGE } from '../course.ts';
import type { BuildSeen } from '../judge/build-seen.ts';
import { findImage, findPrevious, shortId } from './images.ts';
import { namedLayers, sharedPrefix } from './layers.ts';

/** `compare`: look for the build before it (cached-rebuild); first-build does not need one. */
export function imageBuildSeen(s: EngineSnapshot, compare: boolean): BuildSeen {
  const ref = normaliseRef(s.image ?? COURSE_IMAGE);
  const image = findImage(s, ref);
  if (!image)
    return {
      from: 'image',
      outcome: {
        ok: false,
        message: `There is no image tagged ${ref} on your Docker Engine.`,
        hint: `Build it, in the folder with the Dockerfile: docker build -t ${ref} .`,
        because: 'the image is missing',
      },
      tags: [],
      steps: [],
      noCache: false,
    };
  const previous = compare ? (findPrevious(s, image) ?? null) : undefined;
  const shared = previous ? sharedPrefix(image.layers, previous.image.layers) : 0;
  return {
    from: 'image',
    outcome: {
      ok: true,
      message: `The image ${ref} exists on your Docker Engine (ID ${shortId(image.id)}).`,
    },
    tags: [ref],
    steps: namedLayers(image).map((layer, i) => {
      const quoted = `“${stepText(layer.createdBy)}”`;
      return {
        instruction: stepText(layer.createdBy),
        cached: i < shared,
        name: quoted,
        label: quoted,
      };
    }),
    noCache: false,
    config: {
      workingDir: image.workingDir,
      command: [...(image.entrypoint ?? []), ...(image.cmd ?? [])],
      exposedPorts: image.exposedPorts,
    },
    previous: previous && { how: previous.how },
  };
}
