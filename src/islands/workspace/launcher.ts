/**
 * All the workspace code a page loads up front: the "Open the terminal" button. The terminal, the
 * editor and the simulator load with dynamic import() when the learner opens it (and start to
 * download when a scroll brings the workspace near, or the pointer or focus reaches the button).
 */
import { messageOf } from '../../core/text/index.ts';
import { lazyModule } from '../../core/lazy-module.ts';
import type { Started } from './start-workspace.ts';
import { warmFonts } from './warm-fonts.ts';

// A failed download is tried again on the next click, not remembered as failed.
// Two chunks, fetched at once: a small one that puts the terminal and its prompt up and echoes
// typing, and the simulator, which takes over when it arrives (start-workspace.ts).
const start = lazyModule(() => import('./start-workspace.ts'));
const simulator = lazyModule(() => import('./open-workspace.ts'));
/**
 * The simulator's chunk, seven times the first one's size, is asked for a moment after it: asked
 * together, the two share the line and the prompt waits for its chunk's share (Slow 4G: about
 * 60 ms more); 40 ms is about the time the first chunk (6 kB) takes on that line alone, so the
 * line stays busy and the simulator arrives about as early.
 */
const preload = () => {
  start.preload();
  setTimeout(simulator.preload, 40);
};

function bind(shell: HTMLElement): void {
  const button = shell.querySelector<HTMLButtonElement>('[data-workspace-open]');
  const status = shell.querySelector<HTMLElement>('[data-workspace-status]');
  const stage = shell.querySelector<HTMLElement>('[data-workspace-stage]');
  if (!button || !status || !stage) return;
  const label = button.textContent ?? '';
  const announce = (text: string) => (status.textContent = text);
  // A prefetch that fails stays quiet: the click loads again and says what went wrong.
  for (const intent of ['pointerenter', 'focus', 'touchstart'] as const)
    button.addEventListener(intent, preload, { once: true, passive: true });
  preloadWhenScrolledNear(shell);
  button.addEventListener('click', async () => {
    preload(); // first: on a slow line, every moment before the request is a moment more
    button.disabled = true;
    button.textContent = 'Opening…';
    announce('Loading the terminal…');
    let started: Started | null = null;
    // The fonts the workspace draws are looked up while its chunks download (warm-fonts.ts).
    const fontsWarmed = warmFonts(shell);
    try {
      const { startWorkspace } = await start.get();
      started = startWorkspace(shell, stage, announce);
      // The prompt is painted before the simulator takes over, even when its chunk is here already
      // (preloaded by a scroll, or from the service worker): its start is a long task of its own.
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
      fontsWarmed();
      const { openWorkspace } = await simulator.get();
      const opened = await openWorkspace(shell, started);
      // Kept, so that leaving the page for good releases the workspace (and saves it last).
      addEventListener('pagehide', (event) => event.persisted || opened.dispose());
      button.hidden = true;
      shell.classList.add('workspace--open');
    } catch (error) {
      fontsWarmed();
      started?.dispose();
      announce(
        `The workspace could not open (${messageOf(error)}). Check the connection and try again.`,
      );
      button.disabled = false;
      button.textContent = label;
    }
  });
  button.disabled = false;
}

/**
 * Starts the download once the learner scrolls the workspace to within about a screen of the
 * viewport, in the browser's idle time, so the terminal's code is already here when they press the
 * button (on a slow phone, the download is most of the wait). Only after a scroll: a page's first
 * load stays as it was, whether or not the workspace is in view.
 */
function preloadWhenScrolledNear(shell: HTMLElement): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
      idle(preload);
    },
    { rootMargin: '100% 0px' },
  );
  addEventListener('scroll', () => observer.observe(shell), { once: true, passive: true });
}

export function bindWorkspaces(): void {
  for (const shell of document.querySelectorAll<HTMLElement>('[data-workspace]')) bind(shell);
}
