/**
 * `docker diff`: what a container's writable layer holds over its image, as overlayfs records it.
 * A path the image lacks is `A`, one it had and the container removed `D` (a removed directory is
 * one whiteout: what was inside is not listed), one changed in content, mode, owner or time `C`;
 * every directory above a change was copied up, so it reads `C` too. Bind mounts are the host's
 * files, not the layer's. Sorted by path: the daemon walks each directory's children in a Go map's
 * order (lab: two `docker diff` of one container listed /tmp, /etc, /srv, then /etc, /tmp, /srv).
 * Lab, Engine 28.5: `touch /tmp/hello.txt` in a python:3.14-slim container gives `C /tmp`,
 * `A /tmp/hello.txt`; a running demo app `C /demo`, `C /demo/app`, `A /demo/app/__pycache__`, …
 */
import type { FileNode, Vfs } from '../host/vfs.ts';

export type Change = { kind: 'A' | 'C' | 'D'; path: string };

export function layerChanges(
  image: Vfs | null,
  container: Vfs,
  mounted: (path: string) => boolean = () => false,
): Change[] {
  const below = new Map(image?.entries() ?? []);
  const above = new Map(container.entries());
  const changes = new Map<string, Change['kind']>();
  const parent = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
  const inRemoved = (path: string) => {
    for (let p = parent(path); p !== '/'; p = parent(p)) if (!above.has(p)) return true;
    return false;
  };
  for (const [path, node] of above) {
    if (path === '/' || mounted(path)) continue;
    const was = below.get(path);
    if (!was) changes.set(path, 'A');
    else if (node.kind === 'file' && differs(was, node)) changes.set(path, 'C');
    else if (
      node.kind === 'dir' &&
      (was.mode !== node.mode || was.uid !== node.uid || was.gid !== node.gid)
    )
      changes.set(path, 'C');
  }
  for (const path of below.keys())
    if (path !== '/' && !above.has(path) && !mounted(path) && !inRemoved(path))
      changes.set(path, 'D');
  for (const path of [...changes.keys()])
    for (let p = parent(path); p !== '/'; p = parent(p)) if (!changes.has(p)) changes.set(p, 'C');
  return [...changes]
    .map(([path, kind]) => ({ kind, path }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function differs(a: FileNode, b: FileNode): boolean {
  return (
    a.text !== b.text ||
    a.mode !== b.mode ||
    a.uid !== b.uid ||
    a.gid !== b.gid ||
    a.mtime !== b.mtime
  );
}
