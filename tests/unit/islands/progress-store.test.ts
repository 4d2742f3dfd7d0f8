/**
 * The review's bug (architecture review P5): with storage blocked, `window.localStorage` throws
 * from its getter, before core's `try` ran, and the exercise panel never bound. Reproduced with
 * a getter that throws, as Chromium's does when a page may not use storage.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const throwing = () => {
  throw new DOMException('Access is denied for this document.', 'SecurityError');
};

function fakeDocument() {
  const notes: { text: string; role: string | null }[] = [];
  return {
    notes,
    document: {
      createElement: () => {
        const note = { className: '', textContent: '', role: null as string | null };
        return Object.assign(note, {
          setAttribute: (name: string, value: string) => name === 'role' && (note.role = value),
        });
      },
      querySelector: () => ({
        prepend: (n: { textContent: string; role: string | null }) =>
          notes.push({ text: n.textContent, role: n.role }),
      }),
      dispatchEvent: () => true,
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('progress-store with storage blocked', () => {
  it('reads empty progress and shows the blocked note instead of throwing', async () => {
    const page = fakeDocument();
    vi.stubGlobal('document', page.document);
    vi.stubGlobal('window', globalThis);
    Object.defineProperty(globalThis, 'localStorage', { get: throwing, configurable: true });
    Object.defineProperty(globalThis, 'sessionStorage', { get: throwing, configurable: true });
    const { readProgress, updateProgress } = await import('../../../src/islands/progress-store.ts');
    expect(() => readProgress()).not.toThrow();
    expect(readProgress().exercises).toEqual({});
    expect(page.notes[0]).toEqual({
      text: 'This browser does not let the site keep progress (storage is blocked).',
      role: 'status',
    });
    expect(() => updateProgress((p) => p)).not.toThrow();
    delete (globalThis as { localStorage?: unknown }).localStorage;
    delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
  });
});
