/**
 * Nothing is lost (issue 10 item 4): the workspace comes back as the learner left it, and is saved
 * after every change and when the page is hidden or left. One muted line under the toolbar says
 * what happened: restored, a saved state dropped (older format, damaged), or storage refusing
 * (full, blocked), in which case the workspace goes on working unsaved.
 *
 * Call it before the sandbox's terminal is shown: the restored files and history are then what the
 * first prompt stands on. The engine's part (containers that were running start again, which may
 * load Python) finishes later; saving waits for it, so a half-restored engine is never stored.
 */
import { SAVED_PROBLEM_MESSAGES } from '../../core/sandbox/index.ts';
import { messageOf } from '../../core/text/index.ts';
import type { Disposable } from '../lib/disposables.ts';
import { createAutosave } from './autosave.ts';
import type { SandboxBackend } from './sandbox-backend.ts';
import { savedStore, STORAGE_MESSAGES } from './saved-store.ts';

export const RESTORED_LINE =
  'Your workspace was restored as you left it (files, history, images and containers). Reset files… starts the lesson again.';

export interface SavingDeps {
  lesson: string | null;
  sandbox: SandboxBackend;
  /** the line under the toolbar */
  line: HTMLElement;
  /** whether the sandbox is the backend in use (WebContainer keeps its own files) */
  active(): boolean;
  /** puts the editor's unsaved text into the files first */
  beforeSave(): void;
  /** settles once the workspace has opened: saved containers start after it, off the prompt's path */
  opened: Promise<void>;
}

export interface Saving extends Disposable {
  /** Reset: the saved state is dropped, the line cleared */
  forget(): void;
}

export function restoreAndSave(deps: SavingDeps): Saving {
  const { sandbox } = deps.sandbox;
  const store = savedStore(deps.lesson);
  let storageLine = false;
  const say = (text: string, problem = false) => {
    deps.line.textContent = text;
    storageLine = problem;
  };

  let restoring = false;
  const loaded = store.load();
  if (loaded.kind === 'refused') say(loaded.message, true);
  if (loaded.kind === 'dropped') say(loaded.message);
  if (loaded.kind === 'saved') {
    try {
      const engine = sandbox.restore(loaded.saved, deps.opened);
      restoring = true;
      say(RESTORED_LINE);
      engine.then(
        () => {
          restoring = false;
          autosave.changed();
        },
        (error: unknown) => {
          restoring = false;
          say(
            `Your files and history are back, but the saved images and containers could not all be restored (${messageOf(error)}).`,
          );
          autosave.changed();
        },
      );
    } catch {
      // read.ts checked the shape restoring relies on; this is what it could not foresee.
      store.clear();
      say(SAVED_PROBLEM_MESSAGES.damaged);
    }
  }

  const autosave = createAutosave({
    snapshot() {
      if (restoring || !deps.active()) return null;
      deps.beforeSave();
      return JSON.stringify(sandbox.save());
    },
    put: (text) => store.put(text),
    clear: () => store.clear(),
    report(problem) {
      if (problem) say(STORAGE_MESSAGES[problem], true);
      else if (storageLine) say('');
    },
    schedule(run, ms) {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  const changed = () => autosave.changed();
  const offCommand = sandbox.onCommand(changed);
  const offFiles = sandbox.fs.onChange(changed);
  // The editor's last keystrokes may still wait for file-sync's delay: saved into the files first
  // (which marks the workspace changed), so leaving keeps them too.
  const leave = () => {
    deps.beforeSave();
    autosave.flush();
  };
  const hidden = () => document.visibilityState === 'hidden' && leave();
  addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', hidden);
  return {
    forget() {
      autosave.forget();
      say('');
    },
    dispose() {
      removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      offCommand();
      offFiles();
      autosave.dispose();
    },
  };
}
