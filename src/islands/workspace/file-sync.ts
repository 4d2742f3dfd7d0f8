/**
 * Keeps the editor and the backend's files one project. Edits are saved a moment after typing
 * stops, when the editor loses focus, and before any keystroke reaches the terminal, so a
 * `docker build` always sees what the editor shows. A command that changes the open file shows in
 * the editor at once. Timers are injected, so the rules are unit-tested without a browser.
 */
import type { BackendFiles } from './backend.ts';

export interface EditorDoc {
  /** the open file, or null */
  path(): string | null;
  text(): string;
  /** shows text changed outside the editor, keeping the cursor where it can */
  replace(text: string): void;
  /** the open file is gone */
  close(): void;
}

export type Schedule = (run: () => void, ms: number) => () => void;

export interface FileSync {
  /** the learner typed in the editor */
  edited(): void;
  /** save now if there is anything to save */
  flush(): void;
  /** the backend says a project file changed */
  changed(path: string): void;
  /** a different backend or a reset: read from these files from now on */
  use(files: BackendFiles): void;
  dispose(): void;
}

export const SAVE_DELAY_MS = 400;

export function createFileSync(
  initial: BackendFiles,
  editor: EditorDoc,
  schedule: Schedule,
  delayMs = SAVE_DELAY_MS,
): FileSync {
  let files = initial;
  let dirty = false;
  let cancel: (() => void) | null = null;
  const stopTimer = () => {
    cancel?.();
    cancel = null;
  };

  const flush = () => {
    stopTimer();
    const path = editor.path();
    if (!dirty || path === null) return;
    dirty = false;
    const text = editor.text();
    if (files.read(path) !== text) files.write(path, text);
  };

  return {
    edited() {
      dirty = true;
      stopTimer();
      cancel = schedule(flush, delayMs);
    },
    flush,
    changed(path) {
      if (path !== editor.path()) return;
      const text = files.read(path);
      // Our own save comes back here too; equal text means there is nothing to show.
      if (text === editor.text()) return;
      dirty = false;
      stopTimer();
      if (text === null) editor.close();
      else editor.replace(text);
    },
    use(next) {
      flush();
      files = next;
    },
    dispose: stopTimer,
  };
}
