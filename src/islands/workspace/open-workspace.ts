/**
 * The workspace's entry chunk, loaded when the learner opens it: the simulator takes over the
 * terminal that start-workspace.ts put up (and the keys typed at it), then the editor comes in its
 * own chunk, then the rest of the wiring. Everything that attaches is released when the returned
 * Disposable is disposed.
 */
import type { WorkspaceBackend } from './backend.ts';
import { bindBackendSwitch } from './backend-switch.ts';
import type { FileSync } from './file-sync.ts';
import { lessonFiles } from './lesson-files.ts';
import { createSandboxBackend } from './sandbox-backend.ts';
import { preloadDocker } from '../../core/sandbox/index.ts';
import { bindTheme, pagePalette } from './theme-binding.ts';
import type { Started, WorkspaceTestHook } from './start-workspace.ts';
import { bindToolbar } from './toolbar.ts';
import { createEditorSession } from './editor-session.ts';
import { showPreview } from './preview.ts';
import { bindTerminalTabs } from './terminal-tabs.ts';
import { showMachineStatus } from './machine-status.ts';
import { bindKeyBar } from './key-bar.ts';
import { restoreAndSave } from './saving.ts';
import { fitToVisibleScreen } from './phone-fit.ts';
import { DisposableStore, type Disposable } from '../lib/disposables.ts';
import { KEYS, storedFlag } from '../lib/storage.ts';

export async function openWorkspace(shell: HTMLElement, started: Started): Promise<Disposable> {
  const { options } = started;
  const readerMode = storedFlag(KEYS.screenReaderMode);
  const files = lessonFiles(options.lesson);
  if ('error' in files) throw new Error(`The workspace cannot start: ${files.error}.`);
  const { dom, terminal } = started;
  const held = new DisposableStore();
  // The simulator answers at once in the plain terminal; xterm takes over when its chunk arrives.
  held.add(terminal);
  let palette = pagePalette();
  const sandbox = createSandboxBackend(files.start, terminal.size());
  let opened = () => {};
  // Before the first prompt: the saved files and history are what it stands on.
  const saving = held.add(
    restoreAndSave({
      lesson: options.lesson,
      sandbox,
      line: dom.saved,
      active: () => backend === sandbox,
      beforeSave: () => sync?.flush(),
      opened: new Promise((resolve) => (opened = resolve)),
    }),
  );
  const tabs = bindTerminalTabs(dom, terminal, {
    open: () => (backend === sandbox ? sandbox.sandbox.openTerminal() : null),
    palette: () => palette,
    screenReaderMode: () => readerMode.get(),
    announce: options.announce,
    sendFirst: (data) => backend.write(data),
  });
  held.add(tabs);
  held.add(bindKeyBar(dom.keyBar, tabs));
  held.add(fitToVisibleScreen(dom.root, dom.terminal.closest<HTMLElement>('.ws-terminal')!));
  held.add(
    bindTheme(dom.root, (p) => {
      palette = p;
      tabs.setPalette(p);
    }),
  );
  held.add(showMachineStatus(dom.status, sandbox.sandbox));
  let backend: WorkspaceBackend = sandbox;
  let sync: FileSync | null = null;
  let detach = () => {};

  const use = (next: WorkspaceBackend) => {
    if (backend !== next) {
      tabs.closeExtras();
      terminal.reset();
    }
    tabs.allowNew(next === sandbox);
    detach();
    backend = next;
    sync?.use(next.files);
    const subscriptions = [
      next.onOutput((text) => terminal.write(text)),
      next.files.onChange((path) => session.changed(path)),
      next.onOpenFile((path) => session.openFromTerminal(path)),
      next.onPreview((preview) => showPreview(dom.preview, preview)),
    ];
    showPreview(dom.preview, null);
    next.resize(terminal.size().cols, terminal.size().rows);
    session.refresh();
    detach = () => subscriptions.forEach((off) => off());
  };
  // The simulator takes the terminal over: it draws its own prompt, then answers what was typed.
  const typed = started.handOver();
  const keys = terminal.onData((data) => {
    // What the editor shows is saved before the command that may read it.
    sync?.flush();
    backend.write(data);
  });
  const resize = terminal.onResize(({ cols, rows }) => backend.resize(cols, rows));
  held.add(keys);
  held.add(resize);
  held.add(() => detach());

  const session = createEditorSession(
    dom,
    () => backend,
    options.announce,
    (s) => (sync = s),
  );
  held.add(session);
  use(sandbox);
  if (typed) backend.write(typed);
  started.simulatorReady();
  Object.assign(shell as HTMLElement & WorkspaceTestHook, {
    layerwiseTerminalText: () => tabs.active().text(),
    layerwiseTerminalSize: () => tabs.active().size(),
  });
  if (!started.prompted) {
    terminal.focus();
    options.announce('Terminal ready. Type a command, for example ls.');
  }

  // The prompt is painted before the toolbar, the backend switch and the checkers' hook are wired:
  // on a slow phone that wiring is a noticeable moment, and none of it is needed to start typing.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  // The panels' hook comes in its own chunk: a page without exercise panels never needs it.
  void import('./evidence.ts').then(({ offerWorkspaceEvidence }) =>
    offerWorkspaceEvidence(
      () => ({ transcript: backend.transcript(), files: backend.files }),
      () => sync?.flush(),
    ),
  );
  for (const release of [
    bindToolbar(dom, {
      announce: options.announce,
      reset() {
        sync?.flush();
        tabs.closeExtras();
        backend.reset(files.start);
        saving.forget();
        terminal.reset();
        session.refresh();
      },
      solution: files.solution,
      current: () => session.currentFiles(),
      openPath: () => session.openPath(),
      setScreenReaderMode(on) {
        tabs.setScreenReaderMode(on);
        readerMode.set(on);
      },
      screenReaderMode: readerMode.get(),
    }),
    bindBackendSwitch(dom, {
      sandbox,
      current: () => backend,
      use,
      size: () => terminal.size(),
      announce: options.announce,
      beforeSwitch: () => sync?.flush(),
    }),
    sandbox,
  ])
    held.add(release);
  // The editor's chunk waits for xterm's, so the two never fight over the first keystrokes. The
  // terminal works from here on: a chunk that cannot be downloaded now (offline) leaves it working.
  await terminal.ready.catch(() =>
    options.announce(
      'The full terminal could not be downloaded (is the page offline?); the simple one stays.',
    ),
  );
  preloadDocker();
  await session.load().catch(() => {
    const text =
      'The editor could not be downloaded (is the page offline?). The terminal works; reload the page to try again.';
    const note = Object.assign(document.createElement('p'), {
      className: 'ws-loading',
      textContent: text,
    });
    dom.editor.replaceChildren(note);
    options.announce(text);
  });
  opened();
  return held;
}
