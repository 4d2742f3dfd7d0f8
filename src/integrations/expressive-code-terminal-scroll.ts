/**
 * Expressive Code plugin for terminal frames: their lines keep Docker's columns (no wrapping, set
 * in ec.config.mjs), so a frame wider than the column scrolls sideways. Such a frame is made a
 * focusable, named group at build time, so the keyboard can scroll it and a screen reader says
 * what it holds, and it shows a shadow at the edge that has more to see (CSS only: no script per
 * frame). Expressive Code's own script still drops the tab stop where a frame turns out to fit.
 */
import { definePlugin } from 'astro-expressive-code';
import { isSession, sessionCommands } from '../core/shell-session.ts';
import { findElement } from './hast-find.ts';

/** Lines longer than this may not fit a 320 px phone; shorter frames never scroll, so stay out of the tab order. */
export const MAY_SCROLL_AFTER = 30;

/** "Terminal: docker build -t demo-image:latest ." — the frame's title and its first command. */
export function terminalLabel(code: string, title: string | undefined): string {
  const first = isSession(code)
    ? sessionCommands(code)[0]
    : code.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const name = title?.trim() || 'Terminal';
  return first ? `${name}: ${first.split('\n')[0]!.trim()}` : name;
}

export function mayScroll(code: string): boolean {
  return code.split('\n').some((line) => line.length > MAY_SCROLL_AFTER);
}

// Shadows that show where more output hides: the two "local" covers move with the content and
// hide the shadow at an edge the learner has reached; the two "scroll" shadows stay at the edges.
const SCROLL_SHADOWS = `
  .frame.is-terminal pre {
    --shadow: color-mix(in srgb, var(--ec-codeFg) 55%, transparent);
    background:
      linear-gradient(to right, var(--code-background) 40%, transparent) left / 2.5rem 100% no-repeat local,
      linear-gradient(to left, var(--code-background) 40%, transparent) right / 2.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--shadow), transparent) left / 1.2rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--shadow), transparent) right / 1.2rem 100% no-repeat scroll,
      var(--code-background);
  }
`;

// The three dots of a terminal's title bar, drawn where Expressive Code draws them (a 2.1 × 0.56 rem
// box, circles of radius 0.28 rem at 8, 30 and 52 of its 60 units) with gradients instead of its SVG
// mask: Chrome builds a whole SVG document for an SVG image, about 3 ms of the first render that
// draws a terminal frame (issue 14), and 4 × that at Lighthouse's mobile CPU.
const dot = (x: string) =>
  `radial-gradient(circle 0.28rem at ${x} 50%, var(--ec-frm-trmTtbDotsFg) calc(100% - 0.4px), transparent)`;
export const TITLE_DOTS = `
  .frame.is-terminal .header::before {
    -webkit-mask-image: none;
    mask-image: none;
    background: ${['0.28rem', '1.05rem', '1.82rem'].map(dot).join(', ')};
  }
`;

export function pluginTerminalScroll() {
  return definePlugin({
    name: 'layerwise-terminal-scroll',
    baseStyles: SCROLL_SHADOWS + TITLE_DOTS,
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        if (codeBlock.props.wrap !== false || !mayScroll(codeBlock.code)) return;
        const pre = findElement(renderData.blockAst, (n) => n.tagName === 'pre');
        if (!pre) return;
        // A group, not a region: a lesson holds dozens of frames, and landmarks would crowd the page's map.
        Object.assign((pre.properties ??= {}), {
          tabIndex: 0,
          role: 'group',
          ariaLabel: `${terminalLabel(codeBlock.code, codeBlock.props.title)} (scrolls sideways)`,
        });
      },
    },
  });
}
