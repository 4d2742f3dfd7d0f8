/**
 * The image store: images by content-hash ID, the tags that point at them, and the one base
 * image the course uses. Retagging leaves the old image dangling (`<none>:<none>`), as Docker does.
 */
import { familiarRef } from '../../docker/index.ts';
import type { Vfs } from '../host/vfs.ts';

export interface ImageConfig {
  Env: string[];
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  WorkingDir: string;
  ExposedPorts: Record<string, Record<string, never>> | null;
  Labels: Record<string, string> | null;
  User: string;
}

/** `Config.Env` (`NAME=value` entries, the last one for a name winning) as a lookup. */
export function envMap(entries: readonly string[]): Map<string, string> {
  return new Map(entries.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
}

export interface HistoryEntry {
  created: number;
  createdBy: string;
  emptyLayer: boolean;
  size: number;
  comment: string;
}

export interface Image {
  /** `sha256:` + 64 hex */
  id: string;
  tags: string[];
  created: number;
  config: ImageConfig;
  /** RootFS diffIDs, bottom first */
  layers: string[];
  /** oldest first */
  history: HistoryEntry[];
  size: number;
  fs: Vfs;
  /** Python distributions installed in the image, lower-case names */
  packages: Set<string>;
}

/** Docker's reference grammar, enough to reject what `docker build -t` and `docker tag` reject. */
export function isValidRef(ref: string): boolean {
  return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/.test(
    ref,
  );
}

export const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export class ImageStore {
  private readonly images = new Map<string, Image>();

  add(image: Image): Image {
    const existing = this.images.get(image.id);
    if (existing) return existing;
    this.images.set(image.id, image);
    return image;
  }

  all(): Image[] {
    return [...this.images.values()];
  }

  /** By tag, full ID or ID prefix (at least the short form the CLI prints). */
  find(ref: string): Image | null {
    const tagged = familiarRef(ref);
    for (const image of this.images.values()) if (image.tags.includes(tagged)) return image;
    const hex = ref.replace(/^sha256:/, '');
    if (/^[0-9a-f]{4,64}$/.test(hex)) {
      const matches = this.all().filter((i) => i.id.slice(7).startsWith(hex));
      if (matches.length === 1) return matches[0]!;
    }
    return null;
  }

  /** Points `ref` at `image`, taking it from whichever image held it. */
  tag(image: Image, ref: string): void {
    const tagged = familiarRef(ref);
    for (const other of this.images.values()) other.tags = other.tags.filter((t) => t !== tagged);
    image.tags.push(tagged);
  }

  untag(ref: string): Image | null {
    const image = this.find(ref);
    if (!image) return null;
    image.tags = image.tags.filter((t) => t !== familiarRef(ref));
    return image;
  }

  remove(id: string): void {
    this.images.delete(id);
  }

  /** Replaces every image (a saved session coming back). */
  replaceAll(images: Image[]): void {
    this.images.clear();
    for (const image of images) this.images.set(image.id, image);
  }
}
