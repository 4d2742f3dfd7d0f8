/**
 * The workspace's first moments (issue 10/14, open time): its markup, the plain terminal and the
 * prompt, from a small chunk that the launcher fetches beside the simulator's (open-workspace.ts),
 * so the learner sees where to type and their typing is echoed while the simulator still arrives.
 *
 * Nothing here pretends to be the shell. Only a fresh workspace gets a prompt now (one the
 * learner's saved workspace would change, by its directory or a venv, waits for the simulator);
 * only plain characters are echoed, and from the first other key (Enter, Tab, an arrow, Backspace,
 * Ctrl+C…) nothing more is: those keys need the shell's line editor, history or completion. Every
 * key is kept, in order, and open-workspace.ts hands them to the simulator's terminal when it
 * starts: it redraws the prompt and the line as its own, then answers the keys that were waiting.
 */
import { bashPrompt, LEARNER_HOME, PROJECT_DIR } from '../../core/sandbox/early-terminal.ts';
import type { IDisposable } from '@xterm/xterm';
import { KEYS, storedFlag } from '../lib/storage.ts';
import { savedWorkspaceKey } from './saved-key.ts';
import { pagePalette } from './theme-binding.ts';
import { createUpgradingTerminalView } from './upgrading-terminal-view.ts';
import { workspaceDom, type WorkspaceDom } from './workspace-dom.ts';
import './workspace.css';

export interface StartOptions {
  lesson: string | null;
  /** 'home': the lesson's start is empty and its terminal starts in ~ (project-files.ts startsIn) */
  startIn: 'project' | 'home';
  /** one sentence for the learner, read out by screen readers */
  announce(text: string): void;
}

export interface Started {
  /** what the shell's data attributes say, and how to speak to the learner */
  options: StartOptions;
  dom: WorkspaceDom;
  terminal: ReturnType<typeof createUpgradingTerminalView>;
  /** whether a prompt is on screen already (a fresh workspace) */
  prompted: boolean;
  /** Stops keeping keys and gives those typed so far, in order; the terminal is cleared for the simulator. */
  handOver(): string;
  /** the simulator is running: xterm may load now */
  simulatorReady(): void;
  /** Takes the workspace down again (the open failed); the stage is hidden and empty. */
  dispose(): void;
}

/** What the early terminal echoes of `data`: plain characters only; null once a key needs the shell. */
export function earlyEcho(data: string): string | null {
  return /^[^\x00-\x1f\x7f-\x9f]+$/.test(data) ? data : null;
}

/** Whether the lesson's workspace was saved (blocked storage has nothing saved). */
function hasSaved(lesson: string | null): boolean {
  try {
    return localStorage.getItem(savedWorkspaceKey(lesson)) !== null;
  } catch {
    return false;
  }
}

/** What the browser tests read: the terminal's text, without knowing xterm (open-workspace.ts sets it again). */
export interface WorkspaceTestHook {
  layerwiseTerminalText?: () => string;
  layerwiseTerminalSize?: () => { cols: number; rows: number };
}

export function startWorkspace(
  shell: HTMLElement,
  stage: HTMLElement,
  announce: (text: string) => void,
): Started {
  const options: StartOptions = {
    lesson: shell.dataset['lesson'] || null,
    startIn: shell.dataset['startIn'] === 'home' ? 'home' : 'project',
    announce,
  };
  // Shown before it is built: the plain terminal measures its size as it starts.
  stage.hidden = false;
  try {
    return start(shell, stage, options);
  } catch (error) {
    stage.hidden = true;
    stage.replaceChildren();
    throw error;
  }
}

function start(shell: HTMLElement, stage: HTMLElement, options: StartOptions): Started {
  const dom = workspaceDom(stage, stage.id || 'workspace');
  let ready = () => {};
  const terminal = createUpgradingTerminalView(dom.terminal, {
    palette: pagePalette(),
    screenReaderMode: storedFlag(KEYS.screenReaderMode).get(),
    after: new Promise<void>((resolve) => (ready = resolve)),
  });
  const prompted = !hasSaved(options.lesson);
  let typed = '';
  let echoing = prompted;
  let keeping: IDisposable | null = terminal.onData((data) => {
    typed += data;
    const echo = echoing ? earlyEcho(data) : null;
    if (echo === null) echoing = false;
    else terminal.write(echo);
  });
  Object.assign(shell as HTMLElement & WorkspaceTestHook, {
    layerwiseTerminalText: () => terminal.text(),
    layerwiseTerminalSize: () => terminal.size(),
  });
  if (prompted) {
    const cwd = options.startIn === 'home' ? LEARNER_HOME : PROJECT_DIR;
    terminal.write(bashPrompt({ cwd, home: LEARNER_HOME, venv: null }));
    terminal.focus();
    options.announce('Terminal ready. Type a command, for example ls.');
  }
  const stopKeeping = () => {
    keeping?.dispose();
    keeping = null;
  };
  return {
    options,
    dom,
    terminal,
    prompted,
    handOver() {
      stopKeeping();
      terminal.reset();
      return typed;
    },
    simulatorReady: () => ready(),
    dispose() {
      stopKeeping();
      terminal.dispose();
      stage.hidden = true;
      stage.replaceChildren();
    },
  };
}
