import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportProgress,
  importProgress,
  isLessonDone,
  loadProgress,
  parseProgress,
  recordQuiz,
  recordVerdict,
  recordVisit,
  saveProgress,
  setLessonComplete,
  STORAGE_KEY,
  MAX_IMPORT_BYTES,
  mergeProgress,
  type KeyValueStore,
  type Progress,
} from '../../../src/core/progress/index.ts';
import type { Verdict } from '../../../src/core/evidence.ts';

const T1 = '2026-11-28T10:00:00.000Z';
const T2 = '2026-11-28T11:00:00.000Z';
const verdict = (status: Verdict['status'], evidence: Verdict['evidence']): Verdict => ({
  status,
  evidence,
  checks: [],
});

function memoryStore(
  initial: Record<string, string> = {},
): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('recording results', () => {
  it.each<
    [
      string,
      [Verdict['status'], Verdict['evidence']][],
      { status: string; mark: string | null } | undefined,
    ]
  >([
    ['a pasted pass is verified', [['pass', 'paste']], { status: 'pass', mark: 'verified' }],
    ['an engine pass is verified', [['pass', 'engine']], { status: 'pass', mark: 'verified' }],
    ['a sandbox pass is practised', [['pass', 'sandbox']], { status: 'pass', mark: 'practised' }],
    [
      'a later sandbox pass keeps verified',
      [
        ['pass', 'paste'],
        ['pass', 'sandbox'],
      ],
      { status: 'pass', mark: 'verified' },
    ],
    [
      'a later paste pass upgrades practised',
      [
        ['pass', 'sandbox'],
        ['pass', 'paste'],
      ],
      { status: 'pass', mark: 'verified' },
    ],
    [
      'a fail after a pass keeps the pass',
      [
        ['pass', 'paste'],
        ['fail', 'paste'],
      ],
      { status: 'pass', mark: 'verified' },
    ],
    ['a fail alone is a fail', [['fail', 'paste']], { status: 'fail', mark: null }],
    ['unrecognized records nothing', [['unrecognized', 'paste']], undefined],
  ])('%s', (_label, steps, expected) => {
    let p = emptyProgress();
    for (const [status, source] of steps)
      p = recordVerdict(p, 'first-build', verdict(status, source), T1);
    const got = p.exercises['first-build'];
    expect(got && { status: got.status, mark: got.mark }).toEqual(expected);
  });

  it('counts a lesson done when marked, or when all its exercises passed', () => {
    let p = emptyProgress();
    expect(isLessonDone(p, 'building-the-image', ['first-build', 'cached-rebuild'])).toBe(false);
    p = recordVerdict(p, 'first-build', verdict('pass', 'paste'), T1);
    expect(isLessonDone(p, 'building-the-image', ['first-build', 'cached-rebuild'])).toBe(false);
    p = recordVerdict(p, 'cached-rebuild', verdict('pass', 'sandbox'), T1);
    expect(isLessonDone(p, 'building-the-image', ['first-build', 'cached-rebuild'])).toBe(true);
    expect(isLessonDone(p, 'introduction', [])).toBe(false);
    p = setLessonComplete(p, 'introduction', true, T1);
    expect(isLessonDone(p, 'introduction', [])).toBe(true);
    p = setLessonComplete(p, 'introduction', false, T2);
    expect(isLessonDone(p, 'introduction', [])).toBe(false);
  });

  it('remembers the last lesson visited', () => {
    const p = recordVisit(recordVisit(emptyProgress(), 'introduction', T1), 'what-is-an-image', T2);
    expect(p.lastLesson).toBe('what-is-an-image');
    expect(p.lessons['introduction']?.visitedAt).toBe(T1);
  });
});

describe('storage, export and import', () => {
  const full: Progress = recordQuiz(
    recordVerdict(
      setLessonComplete(recordVisit(emptyProgress(), 'introduction', T1), 'introduction', true, T1),
      'first-build',
      verdict('pass', 'engine'),
      T2,
    ),
    'what-is-a-container',
    { q1: 'b' },
    1,
    1,
    T2,
  );

  it('round-trips through storage and through an exported file', () => {
    const store = memoryStore();
    expect(saveProgress(store, full)).toBe(true);
    expect(loadProgress(store)).toEqual({ progress: full, problem: null });
    expect(importProgress(exportProgress(full))).toEqual({ progress: full, problem: null });
  });

  it('upgrades format 1 without losing a lesson', () => {
    const v1 = JSON.stringify({
      version: 1,
      lessons: { introduction: { visitedAt: T1, completedAt: T1 } },
      lastLesson: 'introduction',
    });
    const { progress, problem } = parseProgress(v1);
    expect(problem).toBeNull();
    expect(progress.version).toBe(2);
    expect(progress.lessons['introduction']).toEqual({ visitedAt: T1, completedAt: T1 });
    expect(progress.lastLesson).toBe('introduction');
  });

  it.each([
    ['not JSON', '{oops', 'it is not valid JSON'],
    ['an array', '[]', 'not in a form this site knows'],
    ['no version', '{"lessons":{}}', 'had no version'],
    ['a newer version', '{"version":99}', 'from a newer version of Layerwise'],
    ['binary', '\u0000\u0001\u0002', 'it is not valid JSON'],
  ])('reports %s once and starts fresh, keeping the unreadable copy', (_label, raw, message) => {
    const store = memoryStore({ [STORAGE_KEY]: raw });
    const { progress, problem } = loadProgress(store);
    expect(progress).toEqual(emptyProgress());
    expect(problem).toContain(message);
    expect(store.data.get(`${STORAGE_KEY}:unreadable`)).toBe(raw);
  });

  it('keeps the valid entries of a partly corrupt file and counts the rest', () => {
    const raw = JSON.stringify({
      version: 2,
      lessons: { introduction: { completedAt: T1 }, bad: 'yes' },
      exercises: {
        'first-build': { status: 'pass', mark: 'verified', source: 'paste', at: T1 },
        'cached-rebuild': { status: 'maybe' },
      },
      quizzes: {},
      lastLesson: 42,
    });
    const { progress, problem } = parseProgress(raw);
    expect(progress.lessons['introduction']).toEqual({ completedAt: T1 });
    expect(progress.exercises['first-build']?.status).toBe('pass');
    expect(Object.keys(progress.exercises)).toEqual(['first-build']);
    expect(problem).toBe('3 saved item(s) could not be read and were skipped.');
  });

  it('refuses an import that is too large or not JSON, with a clear message', () => {
    expect(importProgress('x'.repeat(MAX_IMPORT_BYTES + 1)).problem).toMatch(
      /^That file is \d+ kB; a progress file is a few kB/,
    );
    expect(importProgress('hello').problem).toBe(
      'That file is not a Layerwise progress file (it is not JSON). Nothing was imported.',
    );
  });

  it('says so when the browser blocks storage', () => {
    const blocked: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(loadProgress(blocked).problem).toContain('storage is blocked');
    expect(saveProgress(blocked, full)).toBe(false);
  });
});

describe('merging an imported file', () => {
  it('keeps everything from both sides and the stronger mark', () => {
    let here = recordVerdict(emptyProgress(), 'first-build', verdict('pass', 'sandbox'), T1);
    here = setLessonComplete(here, 'introduction', true, T1);
    let file = recordVerdict(emptyProgress(), 'first-build', verdict('fail', 'paste'), T2);
    file = recordVerdict(file, 'image-listed', verdict('pass', 'engine'), T2);
    file = recordVisit(file, 'building-the-image', T2);
    const merged = mergeProgress(here, file);
    expect(merged.exercises['first-build']).toMatchObject({
      status: 'pass',
      mark: 'practised',
      at: T2,
    });
    expect(merged.exercises['image-listed']).toMatchObject({ status: 'pass', mark: 'verified' });
    expect(merged.lessons['introduction']?.completedAt).toBe(T1);
    expect(merged.lastLesson).toBe('building-the-image');
  });
});

describe('a record that never contradicts itself (walkthrough 26)', () => {
  it('a failed engine check after a sandbox pass keeps the source of the pass it shows', () => {
    let p = recordVerdict(emptyProgress(), 'container-running', verdict('pass', 'sandbox'), T1);
    p = recordVerdict(p, 'container-running', verdict('fail', 'engine'), T2);
    expect(p.exercises['container-running']).toEqual({
      status: 'pass',
      mark: 'practised',
      source: 'sandbox',
      at: T2,
    });
  });

  it('a later, weaker pass keeps the stronger mark with its own source', () => {
    let p = recordVerdict(emptyProgress(), 'first-build', verdict('pass', 'engine'), T1);
    p = recordVerdict(p, 'first-build', verdict('pass', 'sandbox'), T2);
    expect(p.exercises['first-build']).toMatchObject({ mark: 'verified', source: 'engine' });
  });

  it('merging keeps the source that earned the mark kept', () => {
    const here = recordVerdict(emptyProgress(), 'first-build', verdict('pass', 'paste'), T1);
    const file = recordVerdict(emptyProgress(), 'first-build', verdict('pass', 'sandbox'), T2);
    expect(mergeProgress(here, file).exercises['first-build']).toEqual({
      status: 'pass',
      mark: 'verified',
      source: 'paste',
      at: T2,
    });
  });
});

describe('F7: keys named like Object.prototype members', () => {
  const entry = (status: string, mark: string | null) => ({
    status,
    mark,
    source: 'paste',
    at: T1,
  });

  it('F7: exercises named constructor and hasOwnProperty are imported, merged and read back whole', () => {
    const file = JSON.stringify({
      version: 2,
      exercises: { constructor: entry('pass', 'verified'), hasOwnProperty: entry('fail', null) },
      lessons: { toString: { visitedAt: T1 } },
      quizzes: { valueOf: { answers: { q1: 'a' }, correct: 1, total: 1, at: T1 } },
    });
    const imported = importProgress(file);
    expect(imported.problem).toBeNull();
    const merged = mergeProgress(emptyProgress(), imported.progress);
    const store = memoryStore();
    saveProgress(store, merged);
    const back = loadProgress(store);
    expect(back.problem).toBeNull();
    expect(back.progress.exercises['constructor']).toEqual(entry('pass', 'verified'));
    expect(back.progress.exercises['hasOwnProperty']).toEqual(entry('fail', null));
    expect(back.progress.lessons['toString']).toEqual({ visitedAt: T1 });
    expect(back.progress.quizzes['valueOf']).toMatchObject({ correct: 1, total: 1 });
  });

  it('F7: a __proto__ key is skipped and counted, and leaves every map a plain map', () => {
    const file =
      '{"version":2,"exercises":{"__proto__":{"status":"pass","mark":"verified","source":"paste","at":"2026-01-01"},' +
      '"first-build":{"status":"pass","mark":"verified","source":"paste","at":"2026-01-01"}},' +
      '"lessons":{"__proto__":{"visitedAt":"2026-01-01"}}}';
    const { progress, problem } = importProgress(file);
    expect(problem).toBe('2 saved item(s) could not be read and were skipped.');
    expect(Object.keys(progress.exercises)).toEqual(['first-build']);
    expect(Object.hasOwn(progress.exercises, '__proto__')).toBe(false);
    expect((progress.exercises as Record<string, unknown>)['status']).toBeUndefined();
    expect((progress.lessons as Record<string, unknown>)['visitedAt']).toBeUndefined();
    const merged = mergeProgress(progress, progress);
    expect((merged.exercises as Record<string, unknown>)['status']).toBeUndefined();
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
  });
});

describe('an import that is not a progress file (walkthrough 12)', () => {
  it.each([
    [
      '{"hello": 1}',
      'That file is not a Layerwise progress file (it has no format version this site knows). Nothing was imported.',
    ],
    [
      '[1, 2]',
      'That file is not a Layerwise progress file (it has no format version this site knows). Nothing was imported.',
    ],
    ['{"version": 9}', 'That file comes from a newer Layerwise (format 9). Nothing was imported.'],
  ])('%s: says nothing was imported, never that progress was reset', (text, problem) => {
    expect(importProgress(text)).toEqual({ progress: emptyProgress(), problem });
  });
});
