/**
 * Where a lesson's workspace is kept between visits: localStorage, one key per lesson (scoped to
 * this copy of the course, as progress is). localStorage rather than IndexedDB: a workspace after
 * the whole course (the image built, a container running, a venv) is about 30 kB of JSON, far below
 * its 5 MB, and its synchronous write is the one a page can still finish in `pagehide`, so leaving
 * never loses the last change. A refusal (full, blocked) comes back as a problem, never thrown.
 */
import { readSavedWorkspace, type SavedWorkspace } from '../../core/sandbox/index.ts';
import { storageProblem, type StorageProblem } from '../lib/storage.ts';
import { savedWorkspaceKey } from './saved-key.ts';

export { savedWorkspaceKey };

export type Loaded =
  | { kind: 'none' }
  | { kind: 'saved'; saved: SavedWorkspace }
  /** the stored record was dropped: an older or newer format, or damaged */
  | { kind: 'dropped'; message: string }
  /** storage cannot be read at all */
  | { kind: 'refused'; message: string };

export interface SavedStore {
  load(): Loaded;
  /** null when stored */
  put(text: string): StorageProblem | null;
  clear(): void;
}

export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  full: 'Not saved: the browser’s storage for this site is full. The workspace works as before, but a reload would lose what changed since the last save.',
  blocked:
    'Not saved: this browser blocks storage for this site (a private window, or site data turned off). The workspace works as before, but a reload starts it again.',
};

/** `scope` is the window; a test passes an object whose storage throws. */
export function savedStore(lesson: string | null, scope: object = globalThis): SavedStore {
  const key = savedWorkspaceKey(lesson);
  const storage = (): Storage => (scope as { localStorage: Storage }).localStorage;
  const forget = () => {
    try {
      storage().removeItem(key);
    } catch {
      /* blocked: nothing is stored to remove */
    }
  };
  return {
    load() {
      let text: string | null;
      try {
        text = storage().getItem(key);
      } catch (error) {
        return { kind: 'refused', message: STORAGE_MESSAGES[storageProblem(error)] };
      }
      if (text === null) return { kind: 'none' };
      const read = readSavedWorkspace(text);
      if (read.ok) return { kind: 'saved', saved: read.saved };
      // Dropped for good: the next save writes the current format in its place.
      forget();
      return { kind: 'dropped', message: read.message };
    },
    put(text) {
      try {
        storage().setItem(key, text);
        return null;
      } catch (error) {
        return storageProblem(error);
      }
    },
    clear: forget,
  };
}
