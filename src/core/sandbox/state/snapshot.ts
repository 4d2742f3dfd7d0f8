/**
 * Between a sandbox's live state (file systems as `Vfs`) and its saved form (format.ts): each
 * file system becomes a list of nodes whose texts are shared through one table, and comes back as
 * a `Vfs` on the restoring sandbox's clock. The laptop's file system gives new files to the
 * learner, an image's or a container's to root, as when they were made.
 */
import type { SandboxEvent } from '../../evidence.ts';
import type { Clock } from '../host/clock.ts';
import { ROOT, Vfs, type FileNode } from '../host/vfs.ts';
import { LEARNER } from '../host/users-host.ts';
import type { EngineState } from '../docker/engine-state.ts';
import {
  TRANSCRIPT_KEPT,
  WORKSPACE_FORMAT,
  type SavedEngine,
  type SavedFs,
  type SavedWorkspace,
} from './format.ts';

/** What a sandbox hands over to be saved, and gets back to restore. */
export interface LiveWorkspace {
  fs: Vfs;
  history: string[];
  python: [string, string[]][];
  engine: EngineState;
  clock: number;
  draws: number;
  transcript: SandboxEvent[];
}

export function saveWorkspace(live: LiveWorkspace): SavedWorkspace {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const textId = (text: string) => {
    let id = index.get(text);
    if (id === undefined) {
      id = texts.push(text) - 1;
      index.set(text, id);
    }
    return id;
  };
  const fs = (vfs: Vfs): SavedFs =>
    vfs
      .entries()
      .map(([path, n]) => [
        path,
        n.kind === 'dir' ? 'd' : 'f',
        n.mode,
        n.mtime,
        n.uid,
        n.gid,
        textId(n.text),
      ]);
  const { engine } = live;
  const savedEngine: SavedEngine = {
    ...engine,
    images: engine.images.map((image) => ({ ...image, fs: fs(image.fs) })),
    cache: {
      records: engine.cache.records.map(([key, record]) => [key, { ...record, fs: fs(record.fs) }]),
      executions: engine.cache.executions,
    },
    containers: engine.containers.map((c) => ({ ...c, fs: fs(c.fs) })),
    volumes: (engine.volumes ?? []).map((v) => ({ ...v, fs: fs(v.fs) })),
  };
  return {
    format: WORKSPACE_FORMAT,
    fs: fs(live.fs),
    history: [...live.history],
    python: live.python.map(([env, packages]) => [env, [...packages]]),
    engine: savedEngine,
    clock: live.clock,
    draws: live.draws,
    transcript: live.transcript
      .slice(-TRANSCRIPT_KEPT)
      .map((e) => (e.type === 'file' ? { ...e, text: textId(e.text) } : { ...e })),
    // Last, so that every file system above has put its texts in.
    texts,
  };
}

/** The live state of a saved one, its file systems on `clock`. The record must have passed read.ts. */
export function reviveWorkspace(saved: SavedWorkspace, clock: Clock): LiveWorkspace {
  const fs = (nodes: SavedFs, owner = ROOT): Vfs =>
    Vfs.fromEntries(
      clock,
      nodes.map(([path, kind, mode, mtime, uid, gid, text]): [string, FileNode] => [
        path,
        { kind: kind === 'd' ? 'dir' : 'file', mode, mtime, uid, gid, text: saved.texts[text]! },
      ]),
      owner,
    );
  const { engine } = saved;
  return {
    fs: fs(saved.fs, LEARNER),
    history: [...saved.history],
    python: saved.python.map(([env, packages]) => [env, [...packages]]),
    engine: {
      ...engine,
      images: engine.images.map((image) => ({ ...image, fs: fs(image.fs) })),
      cache: {
        records: engine.cache.records.map(([key, r]) => [key, { ...r, fs: fs(r.fs) }]),
        executions: engine.cache.executions,
      },
      containers: engine.containers.map((c) => ({ ...c, fs: fs(c.fs) })),
      volumes: (engine.volumes ?? []).map((v) => ({ ...v, fs: fs(v.fs) })),
    },
    clock: saved.clock,
    draws: saved.draws,
    transcript: saved.transcript.map((e) =>
      e.type === 'file' ? { ...e, text: saved.texts[e.text]! } : { ...e },
    ),
  };
}
