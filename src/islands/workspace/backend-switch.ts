/**
 * The switch between the built-in simulator and WebContainer. Offered only on a cross-origin
 * isolated page; WebContainer loads only after the learner confirms that it downloads from
 * StackBlitz. The boot state is always on screen, and any failure comes back to the simulator with
 * one line saying why. The choice is remembered; a failure is remembered for the browser session.
 */
import { messageOf } from '../../core/text/index.ts';
import { chooseBackend, type BackendWish } from './backend-choice.ts';
import { currentFiles, type WorkspaceBackend } from './backend.ts';
import type { SandboxBackend } from './sandbox-backend.ts';
import { confirmStep } from './toolbar.ts';
import type { WorkspaceDom } from './workspace-dom.ts';
import { KEYS, safeStorage } from '../lib/storage.ts';

const local = safeStorage('local');
const session = safeStorage('session');

export interface SwitchDeps {
  sandbox: SandboxBackend;
  current(): WorkspaceBackend;
  use(backend: WorkspaceBackend): void;
  size(): { cols: number; rows: number };
  announce(text: string): void;
  beforeSwitch(): void;
}

const SIMULATOR_LINE = 'Terminal: the built-in simulator, running offline in this page.';

export function bindBackendSwitch(dom: WorkspaceDom, deps: SwitchDeps): () => void {
  const toggle = dom.button('backend');
  const facts = {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
  };
  const wish = (explicit: boolean, wanted: BackendWish['wanted']): BackendWish => ({
    wanted,
    explicit,
    previousFailure: session.get(KEYS.webcontainerFailed),
  });
  const say = (line: string) => {
    dom.backendState.textContent = line;
    deps.announce(line);
  };
  let busy = false;

  const toSandbox = (line: string) => {
    const leaving = deps.current();
    if (leaving !== deps.sandbox) {
      deps.beforeSwitch();
      const files = currentFiles(leaving.files);
      deps.use(deps.sandbox);
      for (const [path, text] of Object.entries(files))
        if (deps.sandbox.files.read(path) !== text) deps.sandbox.files.write(path, text);
      leaving.dispose();
    }
    toggle.textContent = 'Real Node.js shell (WebContainer)…';
    say(line);
  };

  const toWebContainer = async (explicit: boolean) => {
    const decision = chooseBackend(facts, wish(explicit, 'webcontainer'));
    if (decision.use !== 'webcontainer' || busy) {
      if (decision.reason) say(decision.reason);
      return;
    }
    busy = true;
    toggle.disabled = true;
    local.set(KEYS.terminalBackend, 'webcontainer');
    deps.beforeSwitch();
    try {
      const { startWebContainer } = await import('../webcontainer/start.ts');
      const outcome = await startWebContainer({
        sandbox: deps.sandbox.sandbox,
        files: currentFiles(deps.sandbox.files),
        size: deps.size(),
        onState: (state) => {
          dom.root.dataset['boot'] = state;
          if (state === 'booting')
            say(
              'WebContainer: starting… (downloading from StackBlitz; the simulator takes over if this fails)',
            );
        },
      });
      if (outcome.ok) {
        deps.use(outcome.value);
        session.remove(KEYS.webcontainerFailed);
        toggle.textContent = 'Back to the built-in simulator';
        say(
          'Terminal: a real Node.js shell in WebContainer. docker and curl in it run on the course’s simulator.',
        );
      } else {
        session.set(KEYS.webcontainerFailed, outcome.reason);
        toSandbox(
          `WebContainer did not start: ${outcome.reason}. You are on the built-in simulator.`,
        );
      }
    } catch (error) {
      toSandbox(
        `WebContainer could not load: ${messageOf(error)}. You are on the built-in simulator.`,
      );
    } finally {
      busy = false;
      toggle.disabled = false;
    }
  };

  dom.root.dataset['boot'] = 'unknown';
  const initial = chooseBackend(
    facts,
    wish(false, local.get(KEYS.terminalBackend) === 'webcontainer' ? 'webcontainer' : 'sandbox'),
  );
  toggle.hidden = !initial.offerWebContainer;
  // Hidden, and saying why where it would be: a learner who read about it is not left looking for it.
  dom.backendNote.textContent = initial.unavailable ?? '';
  say(initial.reason ?? SIMULATOR_LINE);
  if (initial.use === 'webcontainer') void toWebContainer(false);

  const panel = dom.panel('backend');
  const cleanupConfirm = confirmStep(
    panel,
    toggle,
    dom.button('backend-yes'),
    dom.button('backend-no'),
    () => void toWebContainer(true),
  );
  // In WebContainer the same button goes straight back; no download, so no confirm step.
  const back = (e: Event) => {
    if (deps.current() === deps.sandbox) return;
    e.stopImmediatePropagation();
    panel.hidden = true;
    local.set(KEYS.terminalBackend, 'sandbox');
    toSandbox(SIMULATOR_LINE);
  };
  toggle.addEventListener('click', back, { capture: true });
  return () => {
    cleanupConfirm();
    toggle.removeEventListener('click', back, { capture: true });
  };
}
