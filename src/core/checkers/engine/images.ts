/** Finding the learner's image, and the build before it, in an Engine snapshot. */
import { normaliseRef } from '../../docker/index.ts';
import type { EngineImage, EngineSnapshot } from '../../evidence.ts';

export function findImage(snapshot: EngineSnapshot, ref: string): EngineImage | undefined {
  const want = normaliseRef(ref);
  return snapshot.images.find((i) => i.tags.some((t) => normaliseRef(t) === want));
}

export interface PreviousBuild {
  image: EngineImage;
  /** how it was found, in a sentence for the learner */
  how: string;
}

/** An image ID as docker images prints it: 12 hex digits. */
export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/**
 * The build before `current`: the tag the learner named, or else the newest untagged image that
 * shares the base layer (BuildKit leaves the old image untagged when a rebuild takes its tag).
 */
export function findPrevious(
  snapshot: EngineSnapshot,
  current: EngineImage,
): PreviousBuild | undefined {
  if (snapshot.previousTag) {
    const named = findImage(snapshot, snapshot.previousTag);
    return (
      named && {
        image: named,
        how: `the image you named, ${normaliseRef(snapshot.previousTag)} (${shortId(named.id)})`,
      }
    );
  }
  const base = current.layers[0];
  const candidates = snapshot.images
    .filter(
      (i) =>
        i.id !== current.id &&
        i.tags.length === 0 &&
        i.layers[0] === base &&
        i.created <= current.created,
    )
    .sort((a, b) => b.created.localeCompare(a.created));
  const found = candidates[0];
  return (
    found && {
      image: found,
      how: `the untagged image ${shortId(found.id)}, which your rebuild left behind when it took the tag`,
    }
  );
}
