/**
 * The input line as a learner sees it, on a real terminal model (@xterm/headless) 30, 36 and 80
 * columns wide: however the line wraps, every key leaves one copy of the prompt and the line on
 * screen, with the cursor on the cell of the character it is at, as readline does. The walkthrough
 * (item 2) saw 13 to 21 copies of one command before this.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../../src/core/sandbox/commands/session.ts';
import { LineEditor } from '../../../src/core/sandbox/shell/line-editor.ts';
import { textWidth } from '../../../src/core/sandbox/shell/text-width.ts';
import { PROMPT, sandboxOnScreen, Screen } from './xterm-screen.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const LONG = 'docker run -d --name demo -p 127.0.0.1:8000:8000 --rm demo-image:latest';
const WIDTHS = [30, 36, 80] as const;

/** The screen shows `prompt + text` once, as the last line, with the cursor at `cursor`. */
async function expectInput(screen: Screen, text: string, cursor = text.length, prompt = PROMPT) {
  await screen.settled();
  const lines = screen.lines();
  const last = lines.length - 1;
  expect(lines[last]).toBe(`${prompt}${text}`.trimEnd());
  const cols = screen.term.cols;
  const offset = prompt.length + cursor;
  const start = screen.rowOfLine(last);
  expect(screen.cursor()).toEqual({ row: start + Math.floor(offset / cols), col: offset % cols });
}

/** How many lines start with the prompt: one per command run, plus the line being edited. */
const prompts = (screen: Screen) =>
  screen.lines().filter((l) => l.startsWith(PROMPT.trimEnd())).length;

async function untilPrompt(screen: Screen, count: number) {
  for (let i = 0; i < 10_000 && prompts(screen) < count; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await screen.settled();
  }
  expect(prompts(screen)).toBe(count);
}

describe.each(WIDTHS)('the input line at %i columns', (cols) => {
  it('typing one key at a time: one copy, the cursor after the last key', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    for (let i = 1; i <= LONG.length; i++) {
      sandbox.write(LONG[i - 1]!);
      await expectInput(screen, LONG.slice(0, i));
      expect(prompts(screen)).toBe(1);
    }
  });

  it('Backspace, ←/→, Home/End and Ctrl+A/E move over row boundaries', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write(LONG);
    let text = LONG;
    for (let i = 0; i < 12; i++) {
      sandbox.write('\x7f');
      text = text.slice(0, -1);
      await expectInput(screen, text);
    }
    let cursor = text.length;
    for (let i = 0; i < 40; i++) {
      sandbox.write(LEFT);
      cursor--;
      await expectInput(screen, text, cursor);
    }
    sandbox.write('X');
    text = text.slice(0, cursor) + 'X' + text.slice(cursor);
    await expectInput(screen, text, ++cursor);
    sandbox.write('\x7f\x7f');
    text = text.slice(0, cursor - 2) + text.slice(cursor);
    cursor -= 2;
    await expectInput(screen, text, cursor);
    for (let i = 0; i < 10; i++) sandbox.write(RIGHT);
    await expectInput(screen, text, (cursor += 10));
    sandbox.write(HOME);
    await expectInput(screen, text, 0);
    sandbox.write(END);
    await expectInput(screen, text, text.length);
    sandbox.write('\x01');
    await expectInput(screen, text, 0);
    sandbox.write('\x04');
    await expectInput(screen, text.slice(1), 0);
    sandbox.write('\x05');
    await expectInput(screen, text.slice(1));
    expect(prompts(screen)).toBe(1);
  });

  it('a paste, then Ctrl+W, Ctrl+U, Ctrl+Y and Ctrl+K', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write(LONG);
    await expectInput(screen, LONG);
    sandbox.write('\x17');
    const word = LONG.replace(/\S+$/, '');
    await expectInput(screen, word);
    for (let i = 0; i < 9; i++) sandbox.write(LEFT);
    sandbox.write('\x15');
    await expectInput(screen, word.slice(-9), 0);
    sandbox.write('\x19');
    await expectInput(screen, word, word.length - 9);
    sandbox.write('\x0b');
    await expectInput(screen, word.slice(0, -9));
    expect(prompts(screen)).toBe(1);
  });

  it('history: ↑ and ↓ swap a long line for a short one in place', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write(`echo ${LONG}\r`);
    await untilPrompt(screen, 2);
    sandbox.write('pwd\r');
    await untilPrompt(screen, 3);
    sandbox.write('draft');
    sandbox.write(UP);
    await expectInput(screen, 'pwd');
    sandbox.write(UP);
    await expectInput(screen, `echo ${LONG}`);
    sandbox.write(DOWN);
    await expectInput(screen, 'pwd');
    sandbox.write(DOWN);
    await expectInput(screen, 'draft');
    expect(prompts(screen)).toBe(3);
  });

  it('Ctrl+R finds an older command, Ctrl+R again an older one, and Enter runs it', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    for (const [i, line] of ['echo first-match', 'ls app', 'echo second-match'].entries()) {
      sandbox.write(`${line}\r`);
      await untilPrompt(screen, i + 2);
    }
    sandbox.write('\x12');
    await expectInput(screen, '', 0, "(reverse-i-search)`': ");
    sandbox.write('mat');
    await expectInput(screen, 'echo second-match', 12, "(reverse-i-search)`mat': ");
    sandbox.write('\x12');
    await expectInput(screen, 'echo first-match', 11, "(reverse-i-search)`mat': ");
    sandbox.write('\x12');
    await expectInput(screen, 'echo first-match', 11, "(failed reverse-i-search)`mat': ");
    sandbox.write('\x7f');
    await expectInput(screen, 'echo first-match', 11, "(reverse-i-search)`mat': ");
    sandbox.write('\r');
    await untilPrompt(screen, 5);
    const lines = screen.lines();
    expect(lines.at(-3)).toBe(`${PROMPT}echo first-match`);
    expect(lines.at(-2)).toBe('first-match');
  });

  it('Ctrl+R then Escape keeps the match for editing; Ctrl+G gives the line back', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write(`echo ${LONG}\r`);
    await untilPrompt(screen, 2);
    sandbox.write('half\x12demo-image');
    await expectInput(
      screen,
      `echo ${LONG}`,
      `echo ${LONG}`.lastIndexOf('demo-image'),
      "(reverse-i-search)`demo-image': ",
    );
    sandbox.write('\x07');
    await expectInput(screen, 'half');
    sandbox.write('\x12--rm\x1b');
    await expectInput(screen, `echo ${LONG}`, `echo ${LONG}`.indexOf('--rm'));
    sandbox.write('\x05 # edited');
    await expectInput(screen, `echo ${LONG} # edited`);
  });

  it('Tab completes in place; several candidates are listed in columns that fit', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write('docker build -t demo-image . && docker hi');
    sandbox.write('\t');
    await expectInput(screen, 'docker build -t demo-image . && docker history ');
    sandbox.write('\x15docker ');
    sandbox.write('\t');
    await screen.settled();
    const listed = screen.rows().slice(1, -1);
    expect(listed.length).toBeGreaterThan(1);
    for (const row of listed) expect(row.length).toBeLessThanOrEqual(cols);
    const words = listed.join(' ').split(/\s+/);
    for (const name of ['attach', 'build', 'images', 'volume']) expect(words).toContain(name);
    await expectInput(screen, 'docker ');
    expect(prompts(screen)).toBe(2);
  });

  it('Ctrl+L clears the screen and draws the line at the top; Ctrl+C abandons it', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write(`ls\r`);
    await untilPrompt(screen, 2);
    sandbox.write(LONG);
    sandbox.write('\x0c');
    await expectInput(screen, LONG);
    expect(screen.term.buffer.active.cursorY).toBe(
      Math.floor((PROMPT.length + LONG.length) / cols),
    );
    for (let i = 0; i < 30; i++) sandbox.write(LEFT);
    sandbox.write('\x03');
    await screen.settled();
    expect(screen.lines().slice(-2)).toEqual([`${PROMPT}${LONG}^C`, PROMPT.trimEnd()]);
    await expectInput(screen, '');
  });

  it('a line that fills its last row exactly: the output starts a line of its own', async () => {
    // The cursor waits on a row the terminal wrapped onto; output written there would read (and
    // copy) as the end of the command line: `docker run … demo-imagef16a…` at 63 columns.
    const { sandbox, screen } = sandboxOnScreen(cols);
    const command = `echo ${'x'.repeat(2 * cols - PROMPT.length - 'echo '.length)}`;
    expect((PROMPT.length + command.length) % cols).toBe(0);
    sandbox.write(`${command}\r`);
    await untilPrompt(screen, 2);
    expect(screen.lines()).toEqual([
      `${PROMPT}${command}`,
      command.slice('echo '.length),
      PROMPT.trimEnd(),
    ]);
  });

  it('`help` fits: no row wraps, no word is cut', async () => {
    const { sandbox, screen } = sandboxOnScreen(cols);
    sandbox.write('help\r');
    await untilPrompt(screen, 2);
    const rows = screen.rows();
    const buffer = screen.term.buffer.active;
    // The rows between the `help` line and the next prompt are its output.
    const [first, last] = [screen.rowOfLine(1), screen.rowOfLine(screen.lines().length - 1)];
    expect(last - first).toBeGreaterThan(10);
    for (let i = first; i < last; i++)
      expect(buffer.getLine(i)?.isWrapped, `row ${i}: ${rows[i]}`).toBe(false);
    const shown = rows.join(' ').split(/\s+/);
    for (const word of HELP.split(/\s+/)) expect(shown).toContain(word);
  });
});

describe('resizing', () => {
  it('a line typed at 80 columns is edited in place after the terminal narrows to 36', async () => {
    const { sandbox, screen } = sandboxOnScreen(80);
    sandbox.write(LONG.slice(0, 40));
    await expectInput(screen, LONG.slice(0, 40));
    screen.term.resize(36, 24);
    sandbox.resize(36, 24);
    for (const key of LONG.slice(40)) sandbox.write(key);
    await expectInput(screen, LONG);
    sandbox.write('\x7f'.repeat(20));
    await expectInput(screen, LONG.slice(0, -20));
    expect(prompts(screen)).toBe(1);
  });
});

describe('wide and combining characters', () => {
  it('textWidth agrees with xterm on every kind of character', async () => {
    const samples = [
      'a',
      'é',
      'e\u0301',
      '“',
      '✓',
      '🐳',
      '😀',
      '中',
      '한',
      'ｱ',
      'Ａ',
      '\u3000',
      '→',
      'ß',
    ];
    for (const char of samples) {
      const screen = new Screen(30);
      screen.write(char);
      await screen.settled();
      expect(textWidth(char), JSON.stringify(char)).toBe(screen.cursor().col);
    }
  });

  it('counts columns as the terminal does', async () => {
    const { sandbox, screen } = sandboxOnScreen(30);
    sandbox.write('echo 中文 and é and e\u0301 ✓ 🐳 中文中文中');
    await screen.settled();
    expect(prompts(screen)).toBe(1);
    sandbox.write('\x01');
    await screen.settled();
    const start = screen.rowOfLine(screen.lines().length - 1);
    expect(screen.cursor()).toEqual({ row: start, col: PROMPT.length });
  });
});

describe('any sequence of editing keys', () => {
  const key = fc.oneof(
    fc.constantFrom(
      LEFT,
      RIGHT,
      UP,
      DOWN,
      HOME,
      END,
      '\x7f',
      '\x01',
      '\x05',
      '\x0b',
      '\x15',
      '\x17',
      '\x19',
      '\x04',
    ),
    fc.constantFrom('a', 'docker ', '--name web ', 'é', '中', ' ', LONG),
  );
  it.each(WIDTHS)(
    'at %i columns leaves one copy of the line, with the cursor where the editor says',
    async (cols) => {
      await fc.assert(
        fc.asyncProperty(fc.array(key, { maxLength: 40 }), async (keys) => {
          const { sandbox, screen } = sandboxOnScreen(cols);
          const model = new LineEditor(() => ['ls', `echo ${LONG}`]);
          sandbox.write(`ls\r`);
          await untilPrompt(screen, 2);
          sandbox.write(`echo ${LONG}\r`);
          await untilPrompt(screen, 3);
          for (const k of keys) {
            sandbox.write(k);
            for (const part of LineEditor.keys(k)) model.key(part);
          }
          await screen.settled();
          expect(prompts(screen)).toBe(3);
          const lines = screen.lines();
          expect(lines.at(-1)).toBe(`${PROMPT}${model.buffer}`.trimEnd());
        }),
        { numRuns: 25 },
      );
    },
  );
});
