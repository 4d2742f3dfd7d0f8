/**
 * The workspace's buttons: reset (after a confirm step), compare with the solution (the merge view
 * loads on first use), and the terminal's screen-reader mode. Confirm steps take focus when they
 * open and give it back when they close; Escape cancels them.
 */
import { messageOf } from '../../core/text/index.ts';
import type { ProjectFiles } from './project-files.ts';
import type { WorkspaceDom } from './workspace-dom.ts';

export interface ToolbarActions {
  announce(text: string): void;
  reset(): void;
  solution: ProjectFiles;
  current(): ProjectFiles;
  openPath(): string | null;
  screenReaderMode: boolean;
  setScreenReaderMode(on: boolean): void;
}

/** Shows a confirm panel, focuses its first button, and closes it on Escape or either answer. */
export function confirmStep(
  panel: HTMLElement,
  opener: HTMLButtonElement,
  yes: HTMLButtonElement,
  no: HTMLButtonElement,
  onYes: () => void,
): () => void {
  const close = (refocus: boolean) => {
    panel.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    if (refocus) opener.focus();
  };
  const open = () => {
    panel.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    yes.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close(true);
  };
  const onOpener = () => (panel.hidden ? open() : close(true));
  const onNo = () => close(true);
  const onConfirm = () => {
    close(false);
    onYes();
  };
  opener.setAttribute('aria-expanded', 'false');
  opener.addEventListener('click', onOpener);
  no.addEventListener('click', onNo);
  yes.addEventListener('click', onConfirm);
  panel.addEventListener('keydown', onKey);
  return () => {
    opener.removeEventListener('click', onOpener);
    no.removeEventListener('click', onNo);
    yes.removeEventListener('click', onConfirm);
    panel.removeEventListener('keydown', onKey);
  };
}

export function bindToolbar(dom: WorkspaceDom, actions: ToolbarActions): () => void {
  const cleanups: (() => void)[] = [];
  cleanups.push(
    confirmStep(
      dom.panel('reset'),
      dom.button('reset'),
      dom.button('reset-yes'),
      dom.button('reset-no'),
      () => {
        actions.reset();
        dom.button('reset').focus();
        actions.announce('The files are back as the lesson starts them, on a fresh machine.');
      },
    ),
  );

  const reader = dom.button('reader');
  let readerOn = actions.screenReaderMode;
  reader.setAttribute('aria-pressed', String(readerOn));
  const onReader = () => {
    readerOn = !readerOn;
    reader.setAttribute('aria-pressed', String(readerOn));
    actions.setScreenReaderMode(readerOn);
    actions.announce(
      readerOn
        ? 'Screen reader mode on: the terminal reads out its output.'
        : 'Screen reader mode off.',
    );
  };
  reader.addEventListener('click', onReader);
  cleanups.push(() => reader.removeEventListener('click', onReader));

  const compare = dom.button('solution');
  let closeSolution: (() => void) | null = null;
  const onCompare = async () => {
    if (closeSolution) {
      closeSolution();
      closeSolution = null;
      dom.solution.hidden = true;
      compare.setAttribute('aria-expanded', 'false');
      compare.textContent = 'Compare with the solution';
      return;
    }
    compare.disabled = true;
    try {
      const { showSolution } = await import('./solution-view.ts');
      dom.solution.hidden = false;
      closeSolution = showSolution(
        dom.solution,
        actions.current(),
        actions.solution,
        actions.openPath(),
      );
      compare.setAttribute('aria-expanded', 'true');
      compare.textContent = 'Hide the solution';
    } catch (error) {
      actions.announce(`The comparison could not load: ${messageOf(error)}`);
    } finally {
      compare.disabled = false;
    }
  };
  compare.addEventListener('click', onCompare);
  cleanups.push(() => {
    compare.removeEventListener('click', onCompare);
    closeSolution?.();
  });
  return () => cleanups.forEach((c) => c());
}
