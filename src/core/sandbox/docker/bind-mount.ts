/**
 * `docker run -v /host/dir:/container/dir`: the container sees the host's files at the
 * destination, and a change on either side shows on the other at once (the editor's save reaches
 * the container, so `uvicorn --reload` restarts). Kept as two file systems synchronised on every
 * change, which is what the learner can observe of one shared directory.
 */
import type { Vfs } from '../host/vfs.ts';
import { dirname, relativeTo } from '../../text/index.ts';

/** `bind`: source is a host path; `volume`: source is a named volume's name (volumes.ts). */
export interface Mount {
  type: 'bind' | 'volume';
  source: string;
  destination: string;
  /** given with `--mount` (inspect lists it in HostConfig.Mounts, not Binds) */
  viaMount?: boolean;
}

/**
 * Attaches `source` of the `host` file system (a volume's own, for a volume) at the mount's
 * destination (the source directory is created if missing, as `-v` does); returns its undo.
 */
export function attachMount(
  host: Vfs,
  container: Vfs,
  mount: { source: string; destination: string },
): () => void {
  if (!host.stat(mount.source)) host.mkdir(mount.source, { parents: true });
  container.remove(mount.destination, { recursive: true });
  copyTree(host, mount.source, container, mount.destination);
  let syncing = false;
  const follow = (from: Vfs, fromRoot: string, to: Vfs, toRoot: string) =>
    from.onChange((change) => {
      const rel = relativeTo(fromRoot, change.path);
      if (syncing || rel === null) return;
      syncing = true;
      try {
        const target = rel ? `${toRoot}/${rel}` : toRoot;
        to.remove(target, { recursive: true });
        if (from.stat(change.path)) copyTree(from, change.path, to, target);
      } finally {
        syncing = false;
      }
    });
  const undo = [
    follow(host, mount.source, container, mount.destination),
    follow(container, mount.destination, host, mount.source),
  ];
  return () => undo.forEach((u) => u());
}

export function copyTree(from: Vfs, fromRoot: string, to: Vfs, toRoot: string): void {
  for (const path of from.tree(fromRoot)) {
    const node = from.stat(path)!;
    const rel = relativeTo(fromRoot, path)!;
    const target = rel ? `${toRoot}/${rel}` : toRoot;
    to.mkdir(dirname(target), { parents: true });
    if (node.kind === 'dir') to.mkdir(target, { parents: true, mode: node.mode });
    else to.write(target, node.text, { mode: node.mode });
  }
}
