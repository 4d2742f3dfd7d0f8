/**
 * A saved workspace (issue 10 item 4) as plain JSON: the laptop's files, the first terminal's
 * history, pip's installs, the simulated engine (images, build cache, containers) and the counters
 * that keep the next IDs and times going on from where they were. Images, cache records and
 * containers each hold a whole file system, mostly the same files: every file's text is kept once,
 * in `texts`, and a file system lists its nodes with an index into it.
 *
 * `format` changes whenever a saved state would no longer restore as it was saved; an older one is
 * dropped with one line (read.ts), never migrated half-way.
 */
import type { SandboxEvent } from '../../evidence.ts';
import type {
  CacheRecordState,
  ContainerState,
  EngineState,
  ImageState,
} from '../docker/engine-state.ts';
import type { Volume } from '../docker/volumes.ts';

export const WORKSPACE_FORMAT = 1;

/** One node of a file system: path, 'd' or 'f', mode, mtime, uid, gid, index into `texts`. */
export type SavedNode = [
  path: string,
  kind: 'd' | 'f',
  mode: number,
  mtime: number,
  uid: number,
  gid: number,
  text: number,
];
export type SavedFs = SavedNode[];

type WithSavedFs<T> = Omit<T, 'fs'> & { fs: SavedFs };

export interface SavedEngine extends Omit<
  EngineState,
  'images' | 'cache' | 'containers' | 'volumes'
> {
  images: WithSavedFs<ImageState>[];
  cache: { records: [string, WithSavedFs<CacheRecordState>][]; executions: number };
  containers: WithSavedFs<ContainerState>[];
  /** absent in workspaces saved before volumes were simulated */
  volumes?: WithSavedFs<Volume>[];
}

export interface SavedWorkspace {
  format: typeof WORKSPACE_FORMAT;
  /** every file's text, once */
  texts: string[];
  /** the laptop's file system: home, the project, the venvs */
  fs: SavedFs;
  /** the first terminal's history, oldest first */
  history: string[];
  /** pip's installs per Python environment: a venv's path, or `system` */
  python: [string, string[]][];
  engine: SavedEngine;
  /** the sandbox clock's time when saved (ms since the epoch) */
  clock: number;
  /** random numbers drawn so far: a restored sandbox continues the sequence, so IDs never repeat */
  draws: number;
  /** the most recent commands and saves, for "Check from the terminal" (a save's text in `texts`) */
  transcript: SavedEvent[];
}

export type SavedEvent =
  | Extract<SandboxEvent, { type: 'command' }>
  | (Omit<Extract<SandboxEvent, { type: 'file' }>, 'text'> & { text: number });

/** How many transcript events a save keeps: the checkers read the latest ones. */
export const TRANSCRIPT_KEPT = 200;
