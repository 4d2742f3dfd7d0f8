import { describe, expect, it } from 'vitest';
import { LineEditor } from '../../../src/core/sandbox/shell/line-editor.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

function type(keys: string, history: string[] = []) {
  const editor = new LineEditor(() => history);
  const actions = LineEditor.keys(keys).map((k) => editor.key(k).kind);
  return { buffer: editor.buffer, cursor: editor.cursor, last: actions.at(-1) };
}

describe('LineEditor', () => {
  it.each([
    ['plain typing', 'docker ps', 'docker ps', 9],
    ['backspace', 'lss\x7f', 'ls', 2],
    ['left arrow then insert', `ls${LEFT}${LEFT}x`, 'xls', 1],
    ['home and end', `bc\x1b[Ha\x1b[Fd`, 'abcd', 4],
    ['Ctrl+A and Ctrl+E', 'bc\x01a\x05d', 'abcd', 4],
    ['delete under the cursor', `abc${LEFT}${LEFT}\x1b[3~`, 'ac', 1],
    ['Ctrl+U kills to the start', `docker ps${LEFT}${LEFT}\x15`, 'ps', 0],
    ['Ctrl+K kills to the end', `docker ps${LEFT}${LEFT}${LEFT}\x0b`, 'docker', 6],
    ['Ctrl+W kills a word', 'docker build -t demo\x17', 'docker build -t ', 16],
    ['right stops at the end', `ab${RIGHT}${RIGHT}c`, 'abc', 3],
    ['pasted unicode', 'echo “hé”', 'echo “hé”', 9],
  ])('%s', (_, keys, buffer, cursor) => {
    expect(type(keys)).toMatchObject({ buffer, cursor });
  });

  it.each([
    ['up recalls the last', UP, 'docker ps'],
    ['up twice', `${UP}${UP}`, 'ls'],
    ['up past the oldest stays', `${UP}${UP}${UP}`, 'ls'],
    ['down returns to the draft', `half${UP}${DOWN}`, 'half'],
  ])('history: %s', (_, keys, buffer) => {
    expect(type(keys, ['ls', 'docker ps']).buffer).toBe(buffer);
  });

  it.each([
    ['\r', 'enter'],
    ['\x03', 'interrupt'],
    ['\x0c', 'clear-screen'],
    ['\t', 'complete'],
    ['\x04', 'eof'],
  ])('key %j is %s', (key, kind) => {
    expect(type(`x${key === '\x04' ? '\x15' : ''}${key}`).last).toBe(kind);
  });

  it('renders prompt, line and cursor position', () => {
    const editor = new LineEditor(() => []);
    for (const k of LineEditor.keys(`abc${LEFT}`)) editor.key(k);
    expect(editor.render('$ ')).toBe('\r$ abc\x1b[K\x1b[1D');
  });
});
