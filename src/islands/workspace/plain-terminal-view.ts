/**
 * A plain terminal that works the moment the simulator is loaded, while xterm (about two thirds of
 * the terminal's bytes) is still on its way: the screen as text, and a textarea for the keyboard.
 * upgrading-terminal-view.ts replaces it with xterm as soon as xterm arrives. It shows what a
 * terminal would (redraws, erases and cursor moves resolved by the parser's screen model), without
 * colours.
 */
import type { IDisposable } from '@xterm/xterm';
import { screenLines } from '../../core/text/index.ts';
import { keyData } from './key-data.ts';
import { leaveKeys } from './leave-keys.ts';
import type { TerminalView } from './terminal-view.ts';

const CLEAR = '\x1b[2J';
const SIZE = { cols: 80, rows: 24 };

export interface PlainTerminalView extends TerminalView {
  /** everything written since the last reset, as written: xterm replays it */
  history(): string;
  hasFocus(): boolean;
}

export function createPlainTerminalView(host: HTMLElement): PlainTerminalView {
  const screen = document.createElement('pre');
  screen.className = 'ws-plain';
  screen.setAttribute('aria-hidden', 'true');
  const input = document.createElement('textarea');
  input.className = 'ws-plain-input';
  input.setAttribute('aria-label', 'Terminal input');
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocomplete', 'off');
  input.spellcheck = false;
  host.append(screen, input);

  let written = '';
  let frame = 0;
  const listeners = new Set<(data: string) => void>();
  const send = (data: string) => listeners.forEach((l) => l(data));
  const draw = () => {
    frame = 0;
    // A clear screen starts the picture afresh; the rest is the screen model's business.
    const shown = written.slice(Math.max(0, written.lastIndexOf(CLEAR)));
    screen.textContent = screenLines(shown)
      .map((l) => l.text)
      .join('\n');
    screen.scrollTop = screen.scrollHeight;
  };
  const decide = leaveKeys();
  const onKey = (event: KeyboardEvent) => {
    const action = decide(event);
    if ('send' in action && action.send) send(action.send);
    if (action.kind === 'leave') return;
    if (action.kind === 'hold') return event.preventDefault();
    const data = keyData(event);
    if (data !== null) {
      event.preventDefault();
      send(data);
    }
  };
  const onInput = () => {
    if (input.value) send(input.value.replace(/\r?\n/g, '\r'));
    input.value = '';
  };
  input.addEventListener('keydown', onKey);
  input.addEventListener('input', onInput);
  screen.addEventListener('mousedown', (e) => {
    e.preventDefault();
    input.focus();
  });

  return {
    write(text) {
      written += text;
      frame ||= requestAnimationFrame(draw);
    },
    onData(listener): IDisposable {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
    // A fixed size until xterm measures the pane; xterm then reports the real one.
    onResize: () => ({ dispose() {} }),
    size: () => SIZE,
    focus: () => input.focus(),
    reset() {
      written = '';
      draw();
    },
    text: () =>
      screenLines(written.slice(Math.max(0, written.lastIndexOf(CLEAR))))
        .map((l) => l.text)
        .join('\n')
        .trimEnd(),
    setScreenReaderMode() {},
    setPalette() {},
    history: () => written,
    hasFocus: () => document.activeElement === input,
    dispose() {
      cancelAnimationFrame(frame);
      listeners.clear();
      screen.remove();
      input.remove();
    },
  };
}
