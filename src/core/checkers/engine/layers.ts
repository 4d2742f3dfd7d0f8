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
  return image.layers.map((digest, i) => ({ digest, createdBy: rows[i - offset]?.createdBy ?? '' }));
}

const INSTALL = /\b(?:pip3?|python3? -m pip|uv pip|poetry|pipenv)\s+(?:install|sync)\b/;
const COPY = /\b(?:COPY|ADD)\b/;
const REQUIREMENTS = /requirements[\w.-]*\.txt|pyproject\.toml|poetry\.lock|Pipfile/;

export const isInstallLayer = (l: NamedLayer) => /\bRUN\b|\/bin\/sh -c (?!#\(nop\))/.test(l.createdBy) && INSTALL.test(l.createdBy);
export const isRequirementsLayer = (l: NamedLayer) => COPY.test(l.createdBy) && REQUIREMENTS.test(l.createdBy);
export const isSourceLayer = (l: NamedLayer) => COPY.test(l.createdBy) && !REQUIREMENTS.test(l.createdBy);

/** How many leading layers two images share. */
export function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** `COPY ./app /demo/app # buildkit` → `COPY ./app /demo/app`, for messages. */
export function stepText(createdBy: string): string {
  return createdBy.replace(/\s*# buildkit$/, '').replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replace(/^RUN \/bin\/sh -c /, 'RUN ').replace(/^\/bin\/sh -c /, 'RUN ').trim();
}
