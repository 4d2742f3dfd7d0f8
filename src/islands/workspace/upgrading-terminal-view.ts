/**
 * The terminal the workspace shows: the plain terminal at once, then xterm as soon as its chunk has
 * loaded, with everything written so far replayed and focus carried over. Callers see one
 * TerminalView throughout; listeners move with it.
 */
import type { IDisposable } from '@xterm/xterm';
import type { Palette } from './palette.ts';
import { createPlainTerminalView } from './plain-terminal-view.ts';
import type { TerminalView } from './terminal-view.ts';

export interface TerminalOptions {
  palette: Palette;
  screenReaderMode: boolean;
  /** xterm's download waits for this too (the simulator's chunk first: they would share the line) */
  after?: Promise<void>;
}

export function createUpgradingTerminalView(
  host: HTMLElement,
  options: TerminalOptions,
): TerminalView & { ready: Promise<void> } {
  const plain = createPlainTerminalView(host);
  let current: TerminalView = plain;
  let palette = options.palette;
  let screenReaderMode = options.screenReaderMode;
  let disposed = false;
  const data = new Set<(d: string) => void>();
  const resize = new Set<(s: { cols: number; rows: number }) => void>();
  let links: IDisposable[] = [];
  const link = (view: TerminalView) => {
    links.forEach((l) => l.dispose());
    links = [
      view.onData((d) => data.forEach((l) => l(d))),
      view.onResize((s) => resize.forEach((l) => l(s))),
    ];
  };
  link(plain);

  // xterm (and, after it, the editor) loads once the learner's first keystroke has been answered,
  // or after a second without one: compiling it never holds up the prompt or the first echo.
  const firstKeyOrPause = (options.after ?? Promise.resolve()).then(
    () =>
      new Promise<void>((resolve) => {
        const go = () => requestAnimationFrame(() => setTimeout(resolve, 0));
        const timer = setTimeout(go, 1000);
        const first = plain.onData(() => {
          first.dispose();
          clearTimeout(timer);
          go();
        });
      }),
  );
  const ready = firstKeyOrPause
    .then(() => import('./terminal-view.ts'))
    .then(({ createTerminalView }) => {
      if (disposed) return;
      const hadFocus = plain.hasFocus();
      const xterm = createTerminalView(host, { palette, screenReaderMode });
      // Written at the same width, the bytes replay exactly (colours too); at another width
      // (the two measured differently) the screen's text is laid out afresh, as a reflow would.
      const same = xterm.size().cols === plain.size().cols;
      xterm.write(same ? plain.history() : plain.text().replace(/\n/g, '\r\n'));
      link(xterm);
      plain.dispose();
      current = xterm;
      const size = xterm.size();
      resize.forEach((l) => l(size));
      if (hadFocus) xterm.focus();
    });

  const subscribe = <T>(set: Set<T>, listener: T): IDisposable => {
    set.add(listener);
    return { dispose: () => void set.delete(listener) };
  };
  return {
    ready,
    write: (text) => current.write(text),
    onData: (listener) => subscribe(data, listener),
    onResize: (listener) => subscribe(resize, listener),
    size: () => current.size(),
    focus: () => current.focus(),
    reset: () => current.reset(),
    text: () => current.text(),
    setScreenReaderMode(on) {
      screenReaderMode = on;
      current.setScreenReaderMode(on);
    },
    setPalette(p) {
      palette = p;
      current.setPalette(p);
    },
    dispose() {
      disposed = true;
      links.forEach((l) => l.dispose());
      data.clear();
      resize.clear();
      current.dispose();
    },
  };
}
