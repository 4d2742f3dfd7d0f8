// @ts-check
// Expressive Code options live here (not in astro.config.mjs) so the <Code> component can use them too.
import { defineEcConfig } from 'astro-expressive-code';
import { pluginShellSession } from './src/integrations/expressive-code-shell-session.ts';

export default defineEcConfig({
  themes: ['github-dark', 'github-light'],
  // The site's toggle sets data-theme on <html>; without it (no JavaScript), the system setting decides.
  themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
  useDarkModeMediaQuery: true,
  plugins: [pluginShellSession()],
  // Long output lines wrap instead of scrolling: readable at 360 px, and no unnamed scroll regions.
  defaultProps: { wrap: true, preserveIndent: true },
  styleOverrides: {
    codeFontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    uiFontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    borderRadius: '0.4rem',
  },
});
