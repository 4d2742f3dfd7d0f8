/**
 * The workspace's colours for both site themes: the terminal's ANSI palette and the editor's syntax
 * colours. Every text colour here reaches 4.5:1 against its background (WCAG AA, what axe checks);
 * tests/unit/workspace/palette.test.ts holds each pair to it.
 */

export type ThemeName = 'light' | 'dark';

export const ANSI_NAMES = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const;
export type AnsiName = (typeof ANSI_NAMES)[number];

export const SYNTAX_NAMES = [
  'keyword',
  'string',
  'comment',
  'number',
  'name',
  'definition',
  'meta',
] as const;
export type SyntaxName = (typeof SYNTAX_NAMES)[number];

export interface Palette {
  background: string;
  foreground: string;
  cursor: string;
  selection: string;
  ansi: Record<AnsiName, string>;
  syntax: Record<SyntaxName, string>;
}

export const PALETTES: Record<ThemeName, Palette> = {
  light: {
    background: '#ffffff',
    foreground: '#1b1f24',
    cursor: '#0a58ca',
    selection: '#b6d4fe',
    ansi: {
      black: '#1b1f24',
      red: '#b3261e',
      green: '#116329',
      yellow: '#7a5a00',
      blue: '#0a58ca',
      magenta: '#8a3ab9',
      cyan: '#0b6e79',
      white: '#57606a',
      brightBlack: '#57606a',
      brightRed: '#a40e26',
      brightGreen: '#0e5a23',
      brightYellow: '#6b4f00',
      brightBlue: '#0550ae',
      brightMagenta: '#7a2fa6',
      brightCyan: '#0a5c66',
      brightWhite: '#3d444d',
    },
    syntax: {
      keyword: '#8a3ab9',
      string: '#116329',
      comment: '#57606a',
      number: '#0550ae',
      name: '#1b1f24',
      definition: '#0a58ca',
      meta: '#7a5a00',
    },
  },
  dark: {
    background: '#0f1216',
    foreground: '#e6e9ed',
    cursor: '#7cb3ff',
    selection: '#264f78',
    ansi: {
      black: '#8b949e',
      red: '#ff8a80',
      green: '#6fdc8c',
      yellow: '#f2cc60',
      blue: '#7cb3ff',
      magenta: '#e0a3ff',
      cyan: '#6fd3e8',
      white: '#e6e9ed',
      brightBlack: '#a9b3bf',
      brightRed: '#ffaba5',
      brightGreen: '#8ee6a4',
      brightYellow: '#f7dc8a',
      brightBlue: '#a5cbff',
      brightMagenta: '#ebc2ff',
      brightCyan: '#9be3f0',
      brightWhite: '#ffffff',
    },
    syntax: {
      keyword: '#e0a3ff',
      string: '#6fdc8c',
      comment: '#a9b3bf',
      number: '#7cb3ff',
      name: '#e6e9ed',
      definition: '#79c0ff',
      meta: '#f2cc60',
    },
  },
};

/** The site theme in force: the toggle's `data-theme`, else the system setting. */
export function currentTheme(root: { dataset: DOMStringMap }, prefersDark: boolean): ThemeName {
  const set = root.dataset['theme'];
  return set === 'dark' || set === 'light' ? set : prefersDark ? 'dark' : 'light';
}

function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The terminal's font: xterm's (terminal-view.ts) and the plain terminal's, so both measure one cell. */
export const TERMINAL_FONT =
  'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';
