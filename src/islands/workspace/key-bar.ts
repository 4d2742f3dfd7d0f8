/**
 * The phone's key bar (issue 10 item 6): Esc, Tab, Ctrl+C, Ctrl+R and the arrows, which an
 * on-screen keyboard lacks, sent to the terminal in view as the keys would send them. A press
 * keeps the focus (and so the on-screen keyboard) in the terminal.
 */
import type { TerminalTabs } from './terminal-tabs.ts';

/** What each key sends, as xterm sends it in its normal cursor mode. */
export const KEY_BAR: Record<string, string> = {
  esc: '\x1b',
  tab: '\t',
  'ctrl-c': '\x03',
  'ctrl-r': '\x12',
  left: '\x1b[D',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
};

export function bindKeyBar(bar: HTMLElement, tabs: TerminalTabs): () => void {
  // The button never takes the focus from the terminal: the on-screen keyboard stays open.
  const keep = (event: PointerEvent) => event.preventDefault();
  const press = (event: MouseEvent) => {
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset['key'];
    const data = key ? KEY_BAR[key] : undefined;
    if (!data) return;
    tabs.send(data);
    tabs.active().focus();
  };
  bar.addEventListener('pointerdown', keep);
  bar.addEventListener('click', press);
  return () => {
    bar.removeEventListener('pointerdown', keep);
    bar.removeEventListener('click', press);
  };
}
