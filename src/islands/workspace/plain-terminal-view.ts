/**
 * A plain terminal that works the moment the simulator is loaded, while xterm (about two thirds of
 * the terminal's bytes) is still on its way: the screen as text, and a textarea for the keyboard.
 * upgrading-terminal-view.ts replaces it with xterm as soon as xterm arrives. It shows what a
 * terminal would, without colours: a screen model (screen-model.ts) as wide as xterm will be
 * (measured as xterm's fit addon measures), so a line that wraps is redrawn in place here too and
 * xterm can replay what was written.
 */
import type { IDisposable } from '@xterm/xterm';
import { keyData } from './key-data.ts';
import { leaveKeys } from './leave-keys.ts';
import { TERMINAL_FONT } from './palette.ts';
import { ScreenModel } from './screen-model.ts';
import type { TerminalView } from './terminal-view.ts';

/** what xterm's fit addon leaves for the scroll bar */
const SCROLLBAR = 14;

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
  // Not a textarea's default font (the generic monospace): one more font to look up before the
  // prompt (warm-fonts.ts). Set here, as the stylesheet is in every lesson's first load.
  input.style.font = 'inherit';
  host.append(screen, input);

  let written = '';
  let frame = 0;
  const listeners = new Set<(data: string) => void>();
  const resized = new Set<(size: { cols: number; rows: number }) => void>();
  const send = (data: string) => listeners.forEach((l) => l(data));
  const probe = Object.assign(document.createElement('span'), { textContent: 'W'.repeat(32) });
  probe.className = 'ws-plain-probe';
  // The cell xterm will measure: its font, at its size.
  probe.style.font = `14px ${TERMINAL_FONT}`;
  probe.setAttribute('aria-hidden', 'true');
  host.append(probe);
  const measure = () => {
    const cell = probe.getBoundingClientRect();
    const width = Number.parseInt(getComputedStyle(host).width, 10) - SCROLLBAR;
    const height = Number.parseInt(getComputedStyle(host).height, 10);
    if (!(cell.width > 0) || !(width > 0)) return { cols: 80, rows: 24 };
    return {
      cols: Math.max(20, Math.floor(width / (cell.width / 32))),
      rows: Math.max(5, Math.floor(height / cell.height)),
    };
  };
  let size = measure();
  let model = new ScreenModel(size.cols);
  const draw = () => {
    frame = 0;
    screen.textContent = model.lines().join('\n');
    screen.scrollTop = screen.scrollHeight;
  };
  // A new width re-lays everything out, as xterm reflows on resize.
  const observer = new ResizeObserver(() => {
    const next = measure();
    if (next.cols === size.cols && next.rows === size.rows) return;
    size = next;
    model = new ScreenModel(size.cols);
    model.write(written);
    frame ||= requestAnimationFrame(draw);
    resized.forEach((l) => l(size));
  });
  observer.observe(host);
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
      model.write(text);
      frame ||= requestAnimationFrame(draw);
    },
    onData(listener): IDisposable {
      listeners.add(listener);
      return { dispose: () => void listeners.delete(listener) };
    },
    onResize(listener): IDisposable {
      resized.add(listener);
      return { dispose: () => void resized.delete(listener) };
    },
    size: () => size,
    focus: () => input.focus(),
    reset() {
      written = '';
      model = new ScreenModel(size.cols);
      draw();
    },
    text: () => model.text(),
    setScreenReaderMode() {},
    setPalette() {},
    history: () => written,
    hasFocus: () => document.activeElement === input,
    dispose() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      listeners.clear();
      resized.clear();
      screen.remove();
      input.remove();
      probe.remove();
    },
  };
}
