/**
 * Reads a stored workspace back, never throwing: text that is not JSON, a record of another format
 * or one whose shape is broken (cut short, edited, written by a bug) comes back as a problem with
 * one line for the learner, and the workspace starts from the lesson's files. The shape is checked
 * as far as restoring relies on it: every file system node, text index, list and counter.
 */
import { WORKSPACE_FORMAT, type SavedFs, type SavedWorkspace } from './format.ts';

export type SavedProblem = 'older' | 'newer' | 'damaged';

export type ReadResult =
  { ok: true; saved: SavedWorkspace } | { ok: false; problem: SavedProblem; message: string };

export const SAVED_PROBLEM_MESSAGES: Record<SavedProblem, string> = {
  older:
    'Your saved workspace came from an earlier version of this course, so this workspace starts fresh.',
  newer:
    'Your saved workspace came from a newer version of this course, so this workspace starts fresh.',
  damaged:
    'Your saved workspace could not be read (it is damaged), so this workspace starts fresh.',
};

/** More draws than a learner's session could make: a bigger count is damage, and restoring replays them. */
const MAX_DRAWS = 10_000_000;

export function readSavedWorkspace(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return problem('damaged');
  }
  if (!isRecord(value) || typeof value['format'] !== 'number') return problem('damaged');
  if (value['format'] < WORKSPACE_FORMAT) return problem('older');
  if (value['format'] > WORKSPACE_FORMAT) return problem('newer');
  return isSavedWorkspace(value) ? { ok: true, saved: value } : problem('damaged');
}

function problem(kind: SavedProblem): ReadResult {
  return { ok: false, problem: kind, message: SAVED_PROBLEM_MESSAGES[kind] };
}

function isSavedWorkspace(
  v: Record<string, unknown>,
): v is Record<string, unknown> & SavedWorkspace {
  const texts = v['texts'];
  if (!isStrings(texts)) return false;
  const fs = (x: unknown) => isSavedFs(x, texts.length);
  const engine = v['engine'];
  return (
    fs(v['fs']) &&
    isStrings(v['history']) &&
    isList(v['python'], (p) => Array.isArray(p) && typeof p[0] === 'string' && isStrings(p[1])) &&
    isCount(v['clock']) &&
    isCount(v['draws']) &&
    v['draws'] <= MAX_DRAWS &&
    isList(v['transcript'], (e) => isEvent(e, texts.length)) &&
    isRecord(engine) &&
    isCount(engine['nextPort']) &&
    isCount(engine['pid']) &&
    isList(
      engine['images'],
      (i) =>
        isRecord(i) &&
        typeof i['id'] === 'string' &&
        isStrings(i['tags']) &&
        isImageParts(i) &&
        fs(i['fs']),
    ) &&
    isRecord(engine['cache']) &&
    isCount(engine['cache']['executions']) &&
    isList(
      engine['cache']['records'],
      (r) =>
        Array.isArray(r) &&
        typeof r[0] === 'string' &&
        isRecord(r[1]) &&
        typeof r[1]['diffId'] === 'string' &&
        isStrings(r[1]['packages']) &&
        fs(r[1]['fs']),
    ) &&
    isList(
      engine['containers'],
      (c) =>
        isRecord(c) &&
        typeof c['id'] === 'string' &&
        typeof c['name'] === 'string' &&
        ['created', 'running', 'exited'].includes(c['state'] as string) &&
        Array.isArray(c['logs']) &&
        Array.isArray(c['mounts']) &&
        Array.isArray(c['publish']) &&
        Array.isArray(c['argv']) &&
        fs(c['fs']),
    ) &&
    (engine['volumes'] === undefined ||
      isList(
        engine['volumes'],
        (v) =>
          isRecord(v) &&
          typeof v['name'] === 'string' &&
          isCount(v['createdAt']) &&
          typeof v['anonymous'] === 'boolean' &&
          fs(v['fs']),
      )) &&
    // names alone in sessions saved before networks had IDs
    (engine['networks'] === undefined ||
      isList(engine['networks'], (n) => typeof n === 'string' || isNetwork(n))) &&
    (engine['predefinedNetworks'] === undefined ||
      (isList(engine['predefinedNetworks'], isNetwork) &&
        engine['predefinedNetworks'].length === 3))
  );
}

function isNetwork(n: unknown): boolean {
  return (
    isRecord(n) &&
    typeof n['name'] === 'string' &&
    typeof n['id'] === 'string' &&
    isCount(n['createdAt']) &&
    ['bridge', 'host', 'null'].includes(n['driver'] as string) &&
    (n['subnet'] === undefined ||
      (typeof n['subnet'] === 'string' && /^172\.\d+\.0$/.test(n['subnet'])))
  );
}

function isImageParts(i: Record<string, unknown>): boolean {
  return (
    isStrings(i['packages']) &&
    isStrings(i['layers']) &&
    Array.isArray(i['history']) &&
    isRecord(i['config'])
  );
}

function isSavedFs(value: unknown, textCount: number): value is SavedFs {
  return isList(
    value,
    (n) =>
      Array.isArray(n) &&
      n.length === 7 &&
      typeof n[0] === 'string' &&
      n[0].startsWith('/') &&
      (n[1] === 'd' || n[1] === 'f') &&
      isCount(n[2]) &&
      isCount(n[3]) &&
      isCount(n[4]) &&
      isCount(n[5]) &&
      isTextIndex(n[6], textCount),
  );
}

function isEvent(e: unknown, textCount: number): boolean {
  if (!isRecord(e)) return false;
  if (e['type'] === 'file')
    return typeof e['path'] === 'string' && isTextIndex(e['text'], textCount);
  return (
    e['type'] === 'command' &&
    typeof e['command'] === 'string' &&
    typeof e['output'] === 'string' &&
    typeof e['exitCode'] === 'number' &&
    typeof e['cwd'] === 'string'
  );
}

const isTextIndex = (v: unknown, textCount: number): boolean =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < textCount;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isList = (v: unknown, each: (item: unknown) => boolean): v is unknown[] =>
  Array.isArray(v) && v.every(each);
const isStrings = (v: unknown): v is string[] => isList(v, (s) => typeof s === 'string');
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
