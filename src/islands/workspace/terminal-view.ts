/**
 * The one file that owns xterm: the terminal, its fit addon, resizing with its pane, the keys that
 * leave it, screen-reader mode and colours. Backends never see xterm; they get keystrokes and
 * give text (see backend.ts).
 */
import { Terminal, type IDisposable } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { leaveKeys } from './leave-keys.ts';
import { TERMINAL_FONT, type Palette } from './palette.ts';

export interface TerminalView {
  write(text: string): void;
  /** keystrokes the learner typed, as raw terminal input */
  onData(listener: (data: string) => void): IDisposable;
  onResize(listener: (size: { cols: number; rows: number }) => void): IDisposable;
  size(): { cols: number; rows: number };
  focus(): void;
  /** a blank screen for a new backend */
  reset(): void;
  /** every line of the buffer, scrollback included (the browser tests read the terminal with it) */
  text(): string;
  setScreenReaderMode(on: boolean): void;
  setPalette(palette: Palette): void;
  dispose(): void;
}

function themeOf(p: Palette) {
  return {
    background: p.background,
    foreground: p.foreground,
    cursor: p.cursor,
    cursorAccent: p.background,
    selectionBackground: p.selection,
    ...p.ansi,
  };
}

export function createTerminalView(
  host: HTMLElement,
  options: { palette: Palette; screenReaderMode: boolean },
): TerminalView {
  const term = new Terminal({
    theme: themeOf(options.palette),
    screenReaderMode: options.screenReaderMode,
    // xterm darkens or lightens any colour that would read below WCAG AA on its background.
    minimumContrastRatio: 4.5,
    fontFamily: TERMINAL_FONT,
    fontSize: 14,
    scrollback: 5000,
    cursorBlink: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  const data = new Set<(data: string) => void>();
  const decide = leaveKeys();
  term.attachCustomKeyEventHandler((event) => {
    const action = decide(event);
    if ('send' in action && action.send) for (const l of data) l(action.send);
    return action.kind === 'terminal' || action.kind === 'release';
  });
  const onData = term.onData((d) => data.forEach((l) => l(d)));
  // The fit addon sizes the terminal to its parent's height without taking off the parent's
  // padding and border, so it opens in a bare box filling the pane: the last row is never cut.
  const box = Object.assign(document.createElement('div'), { className: 'ws-xterm-fit' });
  host.append(box);
  term.open(box);
  term.textarea?.setAttribute('aria-label', 'Terminal input');
  const refit = () => {
    // A hidden or collapsed pane has no size to fit to; the next resize will.
    if (box.clientWidth > 0 && box.clientHeight > 0) fit.fit();
  };
  refit();
  const observer = new ResizeObserver(refit);
  observer.observe(host);

  return {
    write: (text) => term.write(text),
    onData(listener) {
      data.add(listener);
      return { dispose: () => void data.delete(listener) };
    },
    onResize: (listener) => term.onResize(listener),
    size: () => ({ cols: term.cols, rows: term.rows }),
    focus: () => term.focus(),
    reset: () => term.reset(),
    text() {
      const buffer = term.buffer.active;
      const lines: string[] = [];
      for (let i = 0; i < buffer.length; i++) {
        const line = buffer.getLine(i);
        const text = line?.translateToString(true) ?? '';
        // A long line the terminal wrapped is one line of output.
        if (line?.isWrapped && lines.length) lines[lines.length - 1] += text;
        else lines.push(text);
      }
      return lines.join('\n').trimEnd();
    },
    setScreenReaderMode: (on) => (term.options.screenReaderMode = on),
    setPalette: (palette) => (term.options.theme = themeOf(palette)),
    dispose() {
      observer.disconnect();
      onData.dispose();
      data.clear();
      term.dispose();
      box.remove();
    },
  };
}
