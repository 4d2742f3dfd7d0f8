/**
 * The size of a layer as Docker counts it: the bytes of the files created or changed on top of
 * what lay below (directories and deletions count 0). One rule for a RUN step's layer (`docker
 * history`, scenario 69: `echo built > /srv/marker` is 6B) and a container's writable layer
 * (`docker system df`, `ps -s`).
 */
import type { Vfs } from '../host/vfs.ts';
import type { Container } from './containers.ts';
import type { Image } from './images.ts';
import { byteLength } from '../text/bytes.ts';

export function changedBytes(
  below: Vfs | null,
  above: Vfs,
  skip: (path: string) => boolean = () => false,
): number {
  let total = 0;
  for (const rel of above.walk('/')) {
    const path = `/${rel}`;
    const text = above.stat(path)?.text ?? '';
    if (skip(path) || below?.stat(path)?.text === text) continue;
    total += byteLength(text);
  }
  return total;
}

/** A container's writable layer, bind mounts aside (their files are the host's). */
export function writableSize(c: Container, images: readonly Image[]): number {
  return changedBytes(imageFs(c, images), c.fs, inBindMount(c));
}

/** The file system of the image a container was created from (null once that image is gone). */
export const imageFs = (c: Container, images: readonly Image[]): Vfs | null =>
  images.find((i) => i.id === c.imageId)?.fs ?? null;

/** The files Docker bind-mounts into every container, which its layer never holds (docker diff leaves them out). */
export const ENGINE_MOUNTS = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

/** Whether a path is a bind mount of the container's (the learner's or the engine's), or inside one. */
export const inBindMount =
  (c: Container) =>
  (path: string): boolean =>
    ENGINE_MOUNTS.includes(path) ||
    c.mounts.some((m) => path === m.destination || path.startsWith(`${m.destination}/`));
