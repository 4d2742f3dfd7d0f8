// @ts-check
// Expressive Code options live here (not in astro.config.mjs) so the <Code> component can use them too.
import { defineEcConfig } from 'astro-expressive-code';
import { pluginShellSession } from './src/integrations/expressive-code-shell-session.ts';
import { pluginTerminalScroll } from './src/integrations/expressive-code-terminal-scroll.ts';
import { pluginLeanLines } from './src/integrations/expressive-code-lean-lines.ts';
import { pluginLazyFrames } from './src/integrations/expressive-code-lazy-frames.ts';
import { pluginCopyIcon } from './src/integrations/expressive-code-copy-icon.ts';

export default defineEcConfig({
  themes: ['github-dark', 'github-light'],
  // The site's toggle sets data-theme on <html>; without it (no JavaScript), the system setting decides.
  themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
  useDarkModeMediaQuery: true,
  plugins: [
    pluginShellSession(),
    pluginTerminalScroll(),
    pluginLeanLines(),
    pluginCopyIcon(),
    pluginLazyFrames(),
  ],
  // Code and prose wrap, readable at 360 px. Terminal output keeps Docker's columns (a build step
  // beside its time, `docker ps` in its table) and scrolls sideways in a named, focusable frame.
  defaultProps: {
    wrap: true,
    preserveIndent: true,
    overridesByLang: {
      'shellsession,console,shell-session,bash,sh,shell,zsh,powershell,ps1': { wrap: false },
    },
  },
  styleOverrides: {
    codeFontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    uiFontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    borderRadius: '0.4rem',
  },
});
