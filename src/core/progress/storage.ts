/**
 * Where progress lives. The browser binds this to localStorage (src/islands/progress-store.ts);
 * tests bind it to a Map. Export and import use the same JSON as storage.
 */
import { migrate, parseProgress, type LoadResult } from './migrate.ts';
import type { Progress } from './model.ts';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_KEY = 'layerwise:progress';
/** the largest progress file import accepts; real progress is a few kB */
export const MAX_IMPORT_BYTES = 512 * 1024;

export function loadProgress(store: KeyValueStore): LoadResult {
  let raw: string | null;
  try {
    raw = store.getItem(STORAGE_KEY);
  } catch {
    return {
      ...parseProgress(null),
      problem: 'This browser does not let the site keep progress (storage is blocked).',
    };
  }
  const result = parseProgress(raw);
  if (result.problem && raw !== null) {
    // Keep what could not be read beside the fresh copy, so nothing is lost for good.
    try {
      store.setItem(`${STORAGE_KEY}:unreadable`, raw);
    } catch {
      /* storage full or blocked: nothing more to do */
    }
  }
  return result;
}

/** Returns false when the browser refused to store (private mode, quota). */
export function saveProgress(store: KeyValueStore, p: Progress): boolean {
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

export function exportProgress(p: Progress): string {
  return JSON.stringify({ ...p, exportedBy: 'layerwise' }, null, 2);
}

export function importProgress(text: string): LoadResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return {
      ...parseProgress(null),
      problem: `That file is ${Math.round(text.length / 1024)} kB; a progress file is a few kB. Nothing was imported.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ...parseProgress(null),
      problem: 'That file is not a Layerwise progress file (it is not JSON). Nothing was imported.',
    };
  }
  return migrate(data);
}
