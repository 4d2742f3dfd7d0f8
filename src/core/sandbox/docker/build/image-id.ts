/** The simulated image ID, apart from the builder so the stage it runs needs no import back into it. */
import { hashParts } from '../../host/sha256.ts';
import type { Image } from '../images.ts';

/** A digest of the config, the layers and the history, so equal inputs give equal IDs. */
export function imageId(image: Pick<Image, 'config' | 'layers' | 'history'>): string {
  return `sha256:${hashParts(JSON.stringify(image.config), image.layers.join(','), image.history.map((h) => `${h.createdBy}|${h.emptyLayer}`).join('\n'))}`;
}
