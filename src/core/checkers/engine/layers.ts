/**
 * Lining up an image's RootFS layers with the history rows that made them, to name the layer a
 * Dockerfile step produced. Each non-empty history row made one layer, oldest first.
 */
import type { EngineImage } from '../../evidence.ts';
import { copiesSource, installs, stepText } from '../../docker/index.ts';

export interface NamedLayer {
  digest: string;
  createdBy: string;
}

export function namedLayers(image: EngineImage): NamedLayer[] {
  const rows = image.history.filter((h) => !h.emptyLayer).reverse();
  // Imported or squashed images may have fewer rows than layers: align the newest ones.
  const offset = image.layers.length - rows.length;
  return image.layers.map((digest, i) => ({
    digest,
    createdBy: rows[i - offset]?.createdBy ?? '',
  }));
}

// A history row read as the instruction it was (stepText), then named as a build step is.
export const isInstallLayer = (l: NamedLayer) => installs(stepText(l.createdBy));
export const isSourceLayer = (l: NamedLayer) => copiesSource(stepText(l.createdBy));

/** How many leading layers two images share. */
export function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
