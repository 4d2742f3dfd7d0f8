/**
 * The fonts the open workspace draws that a page may not have used yet (workspace.css and the
 * site's kbd rule: the terminal, the tab and pane titles, the key hint, the file list). A font's
 * first use at a weight and size makes the browser ask the system for it (Chromium on Linux: a
 * blocking call to the browser process for each family of the list, then one per size), and the
 * workspace's first layout made all of them: about 50 ms at 4x CPU between its chunk's arrival
 * and the prompt. Drawn hidden at the click, they are looked up while the chunks download.
 */
const MONO = ['14px', '600 .85rem', '700 .85rem', '.85rem', '.9rem', '.782rem'];

/** Lays the fonts out, hidden, in `host` until the returned function removes them. */
export function warmFonts(host: HTMLElement): () => void {
  const warm = host.appendChild(document.createElement('b'));
  warm.style.cssText = 'position:absolute;visibility:hidden';
  // Static text only.
  warm.innerHTML = [...MONO.map((font) => `${font} var(--mono)`), '.85rem var(--font)']
    .map((font) => `<b style="font:${font}">W</b>`)
    .join('');
  return () => warm.remove();
}
