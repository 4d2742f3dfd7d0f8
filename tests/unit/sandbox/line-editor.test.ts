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

  it('view: the prompt, the line and the cursor; a search shows its own prompt and match', () => {
    const editor = new LineEditor(() => ['docker ps', 'ls']);
    for (const k of LineEditor.keys(`abc${LEFT}`)) editor.key(k);
    expect(editor.view('$ ')).toEqual({ prompt: '$ ', text: 'abc', cursor: 2 });
    for (const k of LineEditor.keys('\x12ps')) editor.key(k);
    expect(editor.view('$ ')).toEqual({
      prompt: "(reverse-i-search)`ps': ",
      text: 'docker ps',
      cursor: 7,
    });
  });

  it.each([
    ['Ctrl+Y puts back what Ctrl+W killed', 'docker build\x17\x19\x19', 'docker buildbuild', 17],
    ['Ctrl+← moves by word', 'docker build -t x\x1b[1;5D\x1b[1;5DY', 'docker build -Yt x', 15],
    ['Alt+F moves forward by word', 'docker build\x01\x1bfX', 'dockerX build', 7],
    ['DEL is never inserted', 'ab\x7f\x7f\x7f', '', 0],
  ])('%s', (_, keys, buffer, cursor) => {
    expect(type(keys)).toMatchObject({ buffer, cursor });
  });
});

describe('reverse search (Ctrl+R)', () => {
  const history = ['echo first', 'ls app', 'echo second', 'pwd'];
  it.each([
    ['finds the newest match', '\x12echo', 'echo second', "(reverse-i-search)`echo': "],
    ['Ctrl+R again finds an older one', '\x12echo\x12', 'echo first', "(reverse-i-search)`echo': "],
    [
      'says when nothing older matches',
      '\x12echo\x12\x12',
      'echo first',
      "(failed reverse-i-search)`echo': ",
    ],
    ['Backspace steps back', '\x12echo\x12\x7f', 'echo second', "(reverse-i-search)`echo': "],
    ['a longer query narrows', '\x12pp', 'ls app', "(reverse-i-search)`pp': "],
  ])('%s', (_, keys, text, prompt) => {
    const editor = new LineEditor(() => history);
    for (const k of LineEditor.keys(keys)) editor.key(k);
    expect(editor.view('$ ')).toMatchObject({ text, prompt });
  });

  it('Enter runs the match; Ctrl+G gives the line back; Escape keeps the match to edit', () => {
    const run = new LineEditor(() => history);
    const actions = LineEditor.keys('draft\x12first\r').map((k) => run.key(k));
    expect(actions.at(-1)).toEqual({ kind: 'enter', line: 'echo first' });
    const cancel = new LineEditor(() => history);
    for (const k of LineEditor.keys('draft\x12first\x07')) cancel.key(k);
    expect(cancel.view('$ ')).toEqual({ prompt: '$ ', text: 'draft', cursor: 5 });
    const keep = new LineEditor(() => history);
    for (const k of [...LineEditor.keys('\x12app'), '\x1b', '!']) keep.key(k);
    expect(keep.view('$ ')).toEqual({ prompt: '$ ', text: 'ls !app', cursor: 4 });
  });
});

describe("a terminal's answers to queries (security audit I3)", () => {
  it.each([
    ['DA1', '\x1b[?1;2c'],
    ['DSR', '\x1b[24;80R'],
    ['OSC 10 ended by ST', '\x1b]10;rgb:1b1b/1f1f/2424\x1b\\'],
    ['OSC ended by BEL', '\x1b]10;rgb:1b1b/1f1f/2424\x07'],
    ['DECRQSS', '\x1bP1$r0m\x1b\\'],
    ['DA2', '\x1b[>0;276;0c'],
    ['DECRPM', '\x1b[?2004;2$y'],
  ])('%s leaves the line as it was', (_, reply) => {
    expect(type(`ls${reply}`)).toMatchObject({ buffer: 'ls', cursor: 2 });
  });

  it("all of the audit's replies at once, and the keys around them still work", () => {
    const replies = '\x1b[?1;2c\x1b[24;80R\x1b]10;rgb:1b1b/1f1f/2424\x1b\\\x1bP1$r0m\x1b\\';
    expect(type(`a${replies}b${LEFT}c`)).toMatchObject({ buffer: 'acb', cursor: 2 });
  });
});
