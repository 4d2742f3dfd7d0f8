/**
 * When the workspace is saved (autosave.ts) and where (saved-store.ts): a moment after a change,
 * at most once per delay, at once on leaving, never the same text twice, not while a restore runs;
 * a refusal (full, blocked) is reported and tried again at the next change; a stored record that
 * cannot be restored is dropped with its one line; Reset forgets.
 */
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_DELAY_MS, createAutosave } from '../../../src/islands/workspace/autosave.ts';
import {
  savedStore,
  savedWorkspaceKey,
  STORAGE_MESSAGES,
} from '../../../src/islands/workspace/saved-store.ts';
import { createSandbox } from '../../../src/core/sandbox/index.ts';
import type { StorageProblem } from '../../../src/islands/lib/storage.ts';
import { manualSchedule } from './manual-schedule.ts';

function harness(state = { text: 'a' as string | null }) {
  const clock = manualSchedule();
  const writes: string[] = [];
  const reports: (StorageProblem | null)[] = [];
  let refuse: StorageProblem | null = null;
  let cleared = 0;
  const autosave = createAutosave({
    snapshot: () => state.text,
    put: (text) => (refuse ? refuse : (writes.push(text), null)),
    clear: () => cleared++,
    report: (p) => reports.push(p),
    schedule: clock.schedule,
  });
  return {
    autosave,
    clock,
    state,
    writes,
    reports,
    refuse: (p: StorageProblem | null) => (refuse = p),
    cleared: () => cleared,
  };
}

describe('autosave', () => {
  it('saves a moment after a change, once for a burst of changes, and not again when nothing changed', () => {
    const h = harness();
    h.autosave.changed();
    h.clock.advance(AUTOSAVE_DELAY_MS - 1);
    expect(h.writes).toEqual([]);
    h.state.text = 'b';
    h.autosave.changed();
    h.autosave.changed();
    h.clock.advance(1);
    expect(h.writes).toEqual(['b']);
    h.autosave.changed();
    h.clock.advance(AUTOSAVE_DELAY_MS);
    expect(h.writes).toEqual(['b']);
  });

  it('a steady stream of changes is still saved once per delay', () => {
    const h = harness();
    for (let i = 0; i < 10; i++) {
      h.state.text = `t${i}`;
      h.autosave.changed();
      h.clock.advance(AUTOSAVE_DELAY_MS / 2);
    }
    expect(h.writes).toEqual(['t1', 't3', 't5', 't7', 't9']);
  });

  it('flush saves at once (the page is hidden or left); nothing pending, nothing written', () => {
    const h = harness();
    h.autosave.flush();
    expect(h.writes).toEqual([]);
    h.autosave.changed();
    h.autosave.flush();
    expect(h.writes).toEqual(['a']);
    h.clock.advance(AUTOSAVE_DELAY_MS);
    expect(h.writes).toEqual(['a']);
  });

  it('waits while the state cannot be taken (a restore running) and saves once it can', () => {
    const h = harness({ text: null });
    h.autosave.changed();
    h.autosave.flush();
    expect(h.writes).toEqual([]);
    h.state.text = 'restored';
    h.autosave.flush();
    expect(h.writes).toEqual(['restored']);
  });

  it('reports a refusal, tries again at the next change, and reports success after it', () => {
    const h = harness();
    h.refuse('full');
    h.autosave.changed();
    h.clock.advance(AUTOSAVE_DELAY_MS);
    expect(h.reports).toEqual(['full']);
    h.refuse(null);
    h.autosave.changed();
    h.clock.advance(AUTOSAVE_DELAY_MS);
    expect(h.writes).toEqual(['a']);
    expect(h.reports).toEqual(['full', null]);
  });

  it('forget clears the store and drops what was pending; the same state is written again after it', () => {
    const h = harness();
    h.autosave.changed();
    h.autosave.flush();
    h.autosave.changed();
    h.autosave.forget();
    h.clock.advance(AUTOSAVE_DELAY_MS);
    expect(h.cleared()).toBe(1);
    expect(h.writes).toEqual(['a']);
    h.autosave.changed();
    h.autosave.flush();
    expect(h.writes).toEqual(['a', 'a']);
  });
});

function memoryWindow(fail?: DOMException) {
  const data = new Map<string, string>();
  const localStorage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (fail) throw fail;
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return { data, scope: { localStorage } };
}

describe('savedStore', () => {
  const saved = () => JSON.stringify(createSandbox({ files: { 'a.txt': 'a' } }).save());

  it('keeps one record per lesson, and /practice/ its own', () => {
    const { data, scope } = memoryWindow();
    expect(savedStore('building-the-image', scope).put(saved())).toBeNull();
    expect([...data.keys()]).toEqual([savedWorkspaceKey('building-the-image')]);
    expect(savedWorkspaceKey(null)).toBe('layerwise:workspace:practice');
    expect(savedStore('building-the-image', scope).load().kind).toBe('saved');
    expect(savedStore(null, scope).load().kind).toBe('none');
  });

  it('drops a record it cannot restore, with the line saying why', () => {
    const { data, scope } = memoryWindow();
    data.set(savedWorkspaceKey(null), JSON.stringify({ format: 0 }));
    expect(savedStore(null, scope).load()).toEqual({
      kind: 'dropped',
      message:
        'Your saved workspace came from an earlier version of this course, so this workspace starts fresh.',
    });
    expect(data.size).toBe(0);
  });

  it('names a full storage and a blocked one, and never throws', () => {
    const full = memoryWindow(new DOMException('quota', 'QuotaExceededError'));
    expect(savedStore(null, full.scope).put(saved())).toBe('full');
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    };
    expect(savedStore(null, blocked).put('x')).toBe('blocked');
    expect(savedStore(null, blocked).load()).toEqual({
      kind: 'refused',
      message: STORAGE_MESSAGES.blocked,
    });
    expect(() => savedStore(null, blocked).clear()).not.toThrow();
  });
});
