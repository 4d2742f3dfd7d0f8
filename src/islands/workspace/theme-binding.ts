/**
 * Follows the site theme (the toggle's `data-theme`, else the system setting): sets the workspace's
 * CSS variables from palette.ts now, and on every change also gives the new palette to the terminal.
 */
import { currentTheme, PALETTES, SYNTAX_NAMES, type Palette } from './palette.ts';

const media = () => matchMedia('(prefers-color-scheme: dark)');

/** The palette of the theme in force now. */
export function pagePalette(): Palette {
  return PALETTES[currentTheme(document.documentElement, media().matches)];
}

export function bindTheme(target: HTMLElement, onChange: (palette: Palette) => void): () => void {
  const query = media();
  const setVars = (palette: Palette) => {
    const vars: Record<string, string> = {
      '--ws-bg': palette.background,
      '--ws-fg': palette.foreground,
      '--ws-muted': palette.syntax.comment,
      '--ws-cursor': palette.cursor,
      '--ws-selection': palette.selection,
      '--ws-active-line': `${palette.selection}55`,
    };
    for (const name of SYNTAX_NAMES) vars[`--ws-syntax-${name}`] = palette.syntax[name];
    for (const [name, value] of Object.entries(vars)) target.style.setProperty(name, value);
  };
  const apply = () => {
    const palette = pagePalette();
    setVars(palette);
    onChange(palette);
  };
  setVars(pagePalette());
  const observer = new MutationObserver(apply);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  query.addEventListener('change', apply);
  return () => {
    observer.disconnect();
    query.removeEventListener('change', apply);
  };
}
