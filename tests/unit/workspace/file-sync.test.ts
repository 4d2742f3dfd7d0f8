/**
 * The editor and the sandbox stay one project: saves are debounced, flushed before the terminal
 * gets a key, and produce the file events the checkers read; a command's change shows in the editor.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/core/sandbox/index.ts';
import {
  createFileSync,
  SAVE_DELAY_MS,
  type EditorDoc,
  type FileSync,
} from '../../../src/islands/workspace/file-sync.ts';
import { manualSchedule } from './manual-schedule.ts';

function fakeEditor(path: string | null, text: string) {
  const doc = { path, text, closed: false };
  const editor: EditorDoc = {
    path: () => doc.path,
    text: () => doc.text,
    replace: (t) => (doc.text = t),
    close: () => ((doc.closed = true), (doc.path = null)),
  };
  return { doc, editor };
}

const MAIN = 'from fastapi import FastAPI\napp = FastAPI()\n';
let sandbox: Sandbox;
let clock: ReturnType<typeof manualSchedule>;
let doc: ReturnType<typeof fakeEditor>['doc'];
let sync: FileSync;
const fileEvents = () => sandbox.transcript().filter((e) => e.type === 'file');

beforeEach(() => {
  sandbox = createSandbox({
    files: { 'app/main.py': MAIN, Dockerfile: 'FROM python:3.13-slim\n' },
  });
  clock = manualSchedule();
  const fake = fakeEditor('app/main.py', MAIN);
  doc = fake.doc;
  sync = createFileSync(sandbox.fs, fake.editor, clock.schedule);
  sandbox.fs.onChange((p) => sync.changed(p));
});

describe('file sync', () => {
  it('saves once typing has stopped for the save delay, as one file event', () => {
    doc.text = `${MAIN}# one\n`;
    sync.edited();
    clock.advance(SAVE_DELAY_MS - 1);
    doc.text = `${MAIN}# two\n`;
    sync.edited();
    clock.advance(SAVE_DELAY_MS - 1);
    expect(sandbox.fs.read('app/main.py')).toBe(MAIN);
    clock.advance(1);
    expect(sandbox.fs.read('app/main.py')).toBe(`${MAIN}# two\n`);
    expect(fileEvents()).toEqual([{ type: 'file', path: 'app/main.py', text: `${MAIN}# two\n` }]);
  });

  it('flush saves at once (blur, or a key on its way to the terminal), and a second flush writes nothing', () => {
    doc.text = 'changed\n';
    sync.edited();
    sync.flush();
    sync.flush();
    clock.advance(SAVE_DELAY_MS);
    expect(sandbox.fs.read('app/main.py')).toBe('changed\n');
    expect(fileEvents()).toHaveLength(1);
  });

  it('an unchanged text is not written (no event) even when the editor reported an edit', () => {
    sync.edited();
    sync.flush();
    expect(fileEvents()).toEqual([]);
  });

  it('a command that changes the open file shows in the editor', async () => {
    await sandbox.runLine('echo "# from the shell" >> app/main.py');
    expect(doc.text).toBe(`${MAIN}# from the shell\n`);
  });

  it('a command that changes another file leaves the editor alone', async () => {
    await sandbox.runLine('echo x > notes.txt');
    expect(doc.text).toBe(MAIN);
  });

  it('removing the open file closes it in the editor', async () => {
    await sandbox.runLine('rm app/main.py');
    expect(doc.closed).toBe(true);
  });

  it('use() saves pending edits to the old files before switching', () => {
    const other = createSandbox({ files: { 'app/main.py': 'other\n' } });
    doc.text = 'pending\n';
    sync.edited();
    sync.use(other.fs);
    expect(sandbox.fs.read('app/main.py')).toBe('pending\n');
    expect(other.fs.read('app/main.py')).toBe('other\n');
  });
});
