/**
 * More than one terminal on the same simulated machine (issue 10 item 3): a server in the
 * foreground in one tab, curl in another. Tabs follow the ARIA tabs pattern (arrow keys move
 * between them, one tab stop); the first terminal always stays, a later one closes when its shell
 * exits or with "Close this terminal", which hangs up what runs in its foreground.
 */
import type { ExtraTerminalHandle } from '../../core/sandbox/index.ts';
import type { Palette } from './palette.ts';
import type { TerminalView } from './terminal-view.ts';
import type { WorkspaceDom } from './workspace-dom.ts';

export interface TerminalTabsOptions {
  /** a new shell on the machine, or null when the backend has no second terminal (WebContainer) */
  open(): ExtraTerminalHandle | null;
  palette(): Palette;
  screenReaderMode(): boolean;
  announce(text: string): void;
  /** keys for the first terminal (the workspace wires it to the backend) */
  sendFirst(data: string): void;
}

interface Tab {
  number: number;
  tab: HTMLButtonElement;
  panel: HTMLElement;
  view: TerminalView;
  /** null for the first terminal, which the workspace wires itself */
  handle: ExtraTerminalHandle | null;
}

export interface TerminalTabs {
  /** the terminal in view: what has the focus, what the browser tests read */
  active(): TerminalView;
  /** keys for the terminal in view, as if typed there (the phone's key bar) */
  send(data: string): void;
  /** every terminal but the first goes (a reset or another backend: their shells are gone) */
  closeExtras(): void;
  /** whether a new terminal can be opened (the sandbox can; WebContainer's single shell cannot) */
  allowNew(on: boolean): void;
  setPalette(palette: Palette): void;
  setScreenReaderMode(on: boolean): void;
  dispose(): void;
}

export function bindTerminalTabs(
  dom: WorkspaceDom,
  first: TerminalView,
  options: TerminalTabsOptions,
): TerminalTabs {
  const list = dom.tabs;
  const newButton = dom.button('new-terminal');
  const closeButton = dom.button('close-terminal');
  const tabs: Tab[] = [
    {
      number: 1,
      tab: list.querySelector('[role="tab"]')!,
      panel: dom.terminal,
      view: first,
      handle: null,
    },
  ];
  let current = tabs[0]!;
  let next = 2;

  const select = (target: Tab, focus: boolean) => {
    current = target;
    for (const t of tabs) {
      const on = t === target;
      t.tab.setAttribute('aria-selected', String(on));
      t.tab.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
    }
    closeButton.hidden = target === tabs[0];
    if (focus) target.view.focus();
  };

  const close = (target: Tab, why: string) => {
    const at = tabs.indexOf(target);
    if (at <= 0) return;
    tabs.splice(at, 1);
    target.handle?.dispose();
    target.view.dispose();
    target.tab.remove();
    target.panel.remove();
    if (current === target) select(tabs[Math.min(at, tabs.length) - 1]!, true);
    options.announce(`Terminal ${target.number} closed${why}.`);
  };

  async function openTab(): Promise<void> {
    const { createTerminalView } = await import('./terminal-view.ts');
    const handle = options.open();
    if (!handle) return;
    const number = next++;
    const id = `${dom.root.id || 'ws'}-terminal-${number}`;
    const tab = Object.assign(document.createElement('button'), {
      type: 'button',
      id: `${id}-tab`,
      textContent: `Terminal ${number}`,
    });
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', id);
    const panel = Object.assign(document.createElement('div'), { id, className: 'ws-xterm' });
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    list.append(tab);
    tabs.at(-1)!.panel.after(panel);
    const view = createTerminalView(panel, {
      palette: options.palette(),
      screenReaderMode: options.screenReaderMode(),
    });
    const entry: Tab = { number, tab, panel, view, handle };
    tabs.push(entry);
    tab.addEventListener('click', () => select(entry, true));
    view.onData((data) => handle.write(data));
    handle.onOutput((text) => view.write(text));
    handle.onExit(() => close(entry, ': its shell exited'));
    select(entry, true);
    options.announce(`Terminal ${number} opened, on the same machine.`);
  }

  const onNew = () =>
    void openTab().catch(() =>
      options.announce('A new terminal could not be downloaded (is the page offline?).'),
    );
  const onClose = () => close(current, '');
  // Arrow keys, Home and End move between tabs, as the ARIA tabs pattern has it.
  const onKey = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.tab === event.target);
    if (at < 0) return;
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    select(tabs[to]!, false);
    tabs[to]!.tab.focus();
  };
  const onFirst = () => select(tabs[0]!, true);
  newButton.addEventListener('click', onNew);
  closeButton.addEventListener('click', onClose);
  list.addEventListener('keydown', onKey);
  tabs[0]!.tab.addEventListener('click', onFirst);
  select(current, false);

  return {
    active: () => current.view,
    send(data) {
      if (current.handle) current.handle.write(data);
      else options.sendFirst(data);
    },
    closeExtras() {
      for (const t of tabs.slice(1)) close(t, '');
    },
    allowNew(on) {
      newButton.hidden = !on;
    },
    setPalette: (p) => tabs.forEach((t) => t.view.setPalette(p)),
    setScreenReaderMode: (on) => tabs.forEach((t) => t.view.setScreenReaderMode(on)),
    dispose() {
      for (const t of tabs.slice(1)) {
        t.handle?.dispose();
        t.view.dispose();
      }
      newButton.removeEventListener('click', onNew);
      closeButton.removeEventListener('click', onClose);
      list.removeEventListener('keydown', onKey);
      tabs[0]!.tab.removeEventListener('click', onFirst);
    },
  };
}
