/**
 * A phone in portrait (issue 10 item 6): the on-screen keyboard takes half the screen, and what is
 * left (the visual viewport) must still hold the key bar and the whole terminal, last row included.
 * The visible height goes to CSS as `--ws-visible` (workspace.css sizes the terminal from it; xterm
 * refits to fewer rows), and while the terminal is being typed in, its bottom is kept on screen.
 */
export function fitToVisibleScreen(root: HTMLElement, terminal: HTMLElement): () => void {
  const viewport = globalThis.visualViewport;
  if (!viewport) return () => {};
  const touch = matchMedia('(pointer: coarse)');
  const update = () => {
    root.style.setProperty('--ws-visible', `${Math.round(viewport.height)}px`);
    if (touch.matches && terminal.contains(document.activeElement))
      requestAnimationFrame(() => terminal.scrollIntoView({ block: 'end' }));
  };
  update();
  viewport.addEventListener('resize', update);
  return () => viewport.removeEventListener('resize', update);
}
