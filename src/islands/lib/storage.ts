/**
 * The browser's Web Storage, never throwing. `window.localStorage` itself throws where storage is
 * blocked (some private modes, a sandboxed frame, cookies refused), so even reading the property
 * happens inside the `try`. Every key the site keeps is named once here.
 */
import { STORAGE_KEY } from '../../core/progress/index.ts';

export const KEYS = {
  progress: STORAGE_KEY,
  progressProblemShown: 'layerwise:progress-problem-shown',
  theme: 'layerwise:theme',
  screenReaderMode: 'layerwise:screen-reader-mode',
  terminalBackend: 'layerwise:terminal-backend',
  webcontainerFailed: 'layerwise:webcontainer-failed',
  workspaceProblemShown: 'layerwise:workspace-problem-shown',
  /** a saved workspace is kept under this prefix + `:` + the lesson (savedWorkspaceKey) */
  savedWorkspace: 'layerwise:workspace',
} as const;

export type StorageKey = (typeof KEYS)[keyof typeof KEYS];

export interface SafeStorage {
  /** null when the key is missing or storage cannot be read */
  get(key: StorageKey): string | null;
  /** false when the browser refused (blocked, or full) */
  set(key: StorageKey, value: string): boolean;
  remove(key: StorageKey): void;
  /**
   * For code that takes a key-value store and catches its errors itself (core's progress): the
   * storage is looked up inside each call, so a blocked one throws there, where it is caught.
   */
  keyValue(): { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

type Kind = 'local' | 'session';

/**
 * Progress is this copy's own: two courses published under one origin (`you.github.io/a/` and
 * `/b/`, docs/deploy.md) must not mix, so a copy under a base path suffixes its key with the base.
 * The site at `/` keeps the plain key, so progress already saved there stays. (Choices such as the
 * theme are the learner's everywhere and are not scoped.)
 */
export function siteKey(key: string, base: string = import.meta.env.BASE_URL): string {
  return base === '/' ? key : `${key}@${base}`;
}

/** Why the browser refused to store: out of room, or storage turned off for this site. */
export type StorageProblem = 'full' | 'blocked';

/**
 * What a refusal means for the learner. Browsers name a full storage QuotaExceededError (Firefox
 * once said NS_ERROR_DOM_QUOTA_REACHED); anything else (SecurityError from a blocked or sandboxed
 * page, a missing localStorage) is storage that cannot be used at all.
 */
export function storageProblem(error: unknown): StorageProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
    ? 'full'
    : 'blocked';
}

/** `scope` is the window in the browser; a test passes an object whose getter throws. */
export function safeStorage(kind: Kind, scope: object = globalThis): SafeStorage {
  const store = (): Storage => (scope as Record<`${Kind}Storage`, Storage>)[`${kind}Storage`];
  return {
    get(key) {
      try {
        return store().getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        store().setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        store().removeItem(key);
      } catch {
        /* blocked: there is nothing stored to remove */
      }
    },
    keyValue: () => ({
      getItem: (key) => store().getItem(siteKey(key)),
      setItem: (key, value) => store().setItem(siteKey(key), value),
    }),
  };
}

/** An on/off choice kept in localStorage; blocked storage keeps the default for this page. */
export function storedFlag(key: StorageKey, storage = safeStorage('local')) {
  return {
    get: () => storage.get(key) === 'on',
    set: (on: boolean) => void storage.set(key, on ? 'on' : 'off'),
  };
}
