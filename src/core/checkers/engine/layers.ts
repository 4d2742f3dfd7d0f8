/**
 * Lining up an image's RootFS layers with the history rows that made them, to name the layer a
 * Dockerfile step produced. Each non-empty history row made one layer, oldest first.
 */
import type { EngineImage } from '../../evidence.ts';

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

/** How many leading layers two images share. */
export function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
