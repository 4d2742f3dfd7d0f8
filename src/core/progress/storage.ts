/**
 * Where progress lives. The browser binds this to localStorage (src/islands/progress-store.ts);
 * tests bind it to a Map. Export and import use the same JSON as storage.
 */
import { migrate, parseProgress, type LoadResult } from './migrate.ts';
import { PROGRESS_VERSION, type Progress } from './model.ts';

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
  const read = migrate(data);
  // migrate() words its problems for what is stored in this browser ("… so it was reset"); a file
  // that cannot be read changes nothing here, so an import says so instead (walkthrough 12).
  if (!readable(data))
    return {
      ...read,
      problem: isNewer(data)
        ? `That file comes from a newer Layerwise (format ${(data as { version: number }).version}). Nothing was imported.`
        : 'That file is not a Layerwise progress file (it has no format version this site knows). Nothing was imported.',
    };
  return read;
}

const versionOf = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as { version?: unknown }).version
    : undefined;
const readable = (data: unknown) => versionOf(data) === 1 || versionOf(data) === PROGRESS_VERSION;
const isNewer = (data: unknown) => {
  const v = versionOf(data);
  return typeof v === 'number' && v > PROGRESS_VERSION;
};
