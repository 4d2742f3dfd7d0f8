import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from '../../../src/islands/lib/disposables.ts';
import { createEmitter } from '../../../src/islands/lib/emitter.ts';
import { KEYS, safeStorage, storedFlag } from '../../../src/islands/lib/storage.ts';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

/** A window whose `localStorage` getter throws, as Chromium's does with cookies blocked. */
const blockedWindow = {
  get localStorage(): Storage {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  },
};

describe('createEmitter', () => {
  it('calls listeners in order until they are disposed', () => {
    const emitter = createEmitter<number>();
    const heard: string[] = [];
    const a = emitter.event((n) => heard.push(`a${n}`));
    emitter.event((n) => heard.push(`b${n}`));
    emitter.fire(1);
    a.dispose();
    emitter.fire(2);
    expect(heard).toEqual(['a1', 'b1', 'b2']);
    expect(emitter.size).toBe(1);
  });

  it('a listener that leaves while the event fires does not stop the others', () => {
    const emitter = createEmitter<void>();
    const heard: string[] = [];
    const first = emitter.event(() => {
      heard.push('first');
      first.dispose();
    });
    emitter.event(() => heard.push('second'));
    emitter.fire();
    emitter.fire();
    expect(heard).toEqual(['first', 'second', 'second']);
  });
});

describe('DisposableStore', () => {
  it('releases functions and disposables together, newest first, once', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(() => order.push('function'));
    store.add({ dispose: () => order.push('disposable') });
    store.dispose();
    store.dispose();
    expect(order).toEqual(['disposable', 'function']);
  });

  it('releases at once what is added after it was disposed', () => {
    const store = new DisposableStore();
    store.dispose();
    let released = false;
    store.add(() => (released = true));
    expect(released).toBe(true);
  });

  it('one failing release does not keep the others attached', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(() => order.push('a'));
    store.add(() => {
      throw new Error('boom');
    });
    expect(() => store.dispose()).toThrow('boom');
    expect(order).toEqual(['a']);
  });

  it('toDisposable runs a function only once', () => {
    let n = 0;
    const d = toDisposable(() => n++);
    d.dispose();
    d.dispose();
    expect(n).toBe(1);
  });
});

describe('safeStorage', () => {
  it('reads and writes where storage works', () => {
    const storage = safeStorage('local', { localStorage: memoryStorage() });
    expect(storage.set(KEYS.theme, 'dark')).toBe(true);
    expect(storage.get(KEYS.theme)).toBe('dark');
    storage.remove(KEYS.theme);
    expect(storage.get(KEYS.theme)).toBeNull();
  });

  it('never throws where the localStorage getter itself throws', () => {
    const storage = safeStorage('local', blockedWindow);
    expect(storage.get(KEYS.theme)).toBeNull();
    expect(storage.set(KEYS.theme, 'dark')).toBe(false);
    expect(() => storage.remove(KEYS.theme)).not.toThrow();
    // The key-value view defers the lookup into each call, where its caller's try catches it.
    const kv = storage.keyValue();
    expect(() => kv.getItem(KEYS.progress)).toThrow('Access is denied');
  });

  it('says false when the quota is exceeded', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    expect(safeStorage('session', { sessionStorage: full }).set(KEYS.theme, 'x')).toBe(false);
  });

  it('storedFlag keeps the default when blocked', () => {
    const flag = storedFlag(KEYS.screenReaderMode, safeStorage('local', blockedWindow));
    flag.set(true);
    expect(flag.get()).toBe(false);
    const working = storedFlag(
      KEYS.screenReaderMode,
      safeStorage('local', { localStorage: memoryStorage() }),
    );
    working.set(true);
    expect(working.get()).toBe(true);
  });

  it('every key is a layerwise: key and none is named twice', () => {
    const values = Object.values(KEYS);
    expect(values.every((k) => k.startsWith('layerwise:'))).toBe(true);
    expect(new Set(values).size).toBe(values.length);
  });
});
