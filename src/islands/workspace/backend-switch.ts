/**
 * The switch between the built-in simulator and WebContainer. Offered only on a cross-origin
 * isolated page; WebContainer loads only after the learner confirms that it downloads from
 * StackBlitz. The boot state is always on screen, and any failure comes back to the simulator with
 * one line saying why. The choice is remembered; a failure is remembered for the browser session.
 */
import { chooseBackend, type BackendWish } from './backend-choice.ts';
import { currentFiles, type WorkspaceBackend } from './backend.ts';
import type { SandboxBackend } from './sandbox-backend.ts';
import { confirmStep } from './toolbar.ts';
import type { WorkspaceDom } from './workspace-dom.ts';

const CHOICE_KEY = 'layerwise:terminal-backend';
const FAILURE_KEY = 'layerwise:webcontainer-failed';

export interface SwitchDeps {
  sandbox: SandboxBackend;
  current(): WorkspaceBackend;
  use(backend: WorkspaceBackend): void;
  size(): { cols: number; rows: number };
  announce(text: string): void;
  beforeSwitch(): void;
}

const SIMULATOR_LINE = 'Terminal: the built-in simulator, running offline in this page.';

function stored(store: () => Storage, key: string): string | null {
  try {
    return store().getItem(key);
  } catch {
    return null; // storage blocked: nothing remembered
  }
}
function remember(store: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) store().removeItem(key);
    else store().setItem(key, value);
  } catch {
    /* storage blocked: the choice lasts for this page */
  }
}

export function bindBackendSwitch(dom: WorkspaceDom, deps: SwitchDeps): () => void {
  const toggle = dom.button('backend');
  const facts = {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
  };
  const wish = (explicit: boolean, wanted: BackendWish['wanted']): BackendWish => ({
    wanted,
    explicit,
    previousFailure: stored(() => sessionStorage, FAILURE_KEY),
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
    remember(() => localStorage, CHOICE_KEY, 'webcontainer');
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
        remember(() => sessionStorage, FAILURE_KEY, null);
        toggle.textContent = 'Back to the built-in simulator';
        say(
          'Terminal: a real Node.js shell in WebContainer. docker and curl in it run on the course’s simulator.',
        );
      } else {
        remember(() => sessionStorage, FAILURE_KEY, outcome.reason);
        toSandbox(
          `WebContainer did not start: ${outcome.reason}. You are on the built-in simulator.`,
        );
      }
    } catch (error) {
      toSandbox(
        `WebContainer could not load: ${(error as Error).message}. You are on the built-in simulator.`,
      );
    } finally {
      busy = false;
      toggle.disabled = false;
    }
  };

  dom.root.dataset['boot'] = 'unknown';
  const initial = chooseBackend(
    facts,
    wish(
      false,
      stored(() => localStorage, CHOICE_KEY) === 'webcontainer' ? 'webcontainer' : 'sandbox',
    ),
  );
  toggle.hidden = !initial.offerWebContainer;
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
    remember(() => localStorage, CHOICE_KEY, 'sandbox');
    toSandbox(SIMULATOR_LINE);
  };
  toggle.addEventListener('click', back, { capture: true });
  return () => {
    cleanupConfirm();
    toggle.removeEventListener('click', back, { capture: true });
  };
}
