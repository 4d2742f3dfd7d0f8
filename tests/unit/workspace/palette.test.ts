/** Every colour the workspace draws text in reaches WCAG AA (4.5:1) on its background, in both themes. */
import { describe, expect, it } from 'vitest';
import {
  ANSI_NAMES,
  contrast,
  currentTheme,
  PALETTES,
  SYNTAX_NAMES,
} from '../../../src/islands/workspace/palette.ts';

const themes = Object.entries(PALETTES);

describe('palette', () => {
  it.each(
    themes.flatMap(([theme, p]) => [
      ...ANSI_NAMES.map((n) => [theme, `ansi ${n}`, p.ansi[n], p.background] as const),
      ...SYNTAX_NAMES.map((n) => [theme, `syntax ${n}`, p.syntax[n], p.background] as const),
      [theme, 'foreground', p.foreground, p.background] as const,
      [theme, 'foreground on selection', p.foreground, p.selection] as const,
    ]),
  )('%s %s %s on %s ≥ 4.5', (_t, _n, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
  ])('contrast(%s, %s) = %d', (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 1);
  });

  it.each([
    [{ theme: 'dark' }, false, 'dark'],
    [{ theme: 'light' }, true, 'light'],
    [{}, true, 'dark'],
    [{}, false, 'light'],
    [{ theme: 'purple' }, false, 'light'],
  ] as const)('currentTheme(%j, prefersDark %s) = %s', (dataset, prefersDark, theme) => {
    expect(currentTheme({ dataset: { ...dataset } }, prefersDark)).toBe(theme);
  });
});
