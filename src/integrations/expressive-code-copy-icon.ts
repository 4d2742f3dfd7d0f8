/**
 * Expressive Code plugin: the copy button's icon is an inline SVG in the button instead of
 * Expressive Code's CSS mask, a data: URL of an SVG image. Chrome builds a whole isolated SVG
 * document (a page, a frame, a parser) the first time a page styles an SVG image, and it did so
 * inside the first render that draws a code frame: about 5 ms of CPU in that task on
 * building-the-image (trace, 412 px, no throttling), 4 × that at Lighthouse's mobile CPU
 * (issue 14). An inline SVG is styled and drawn like any element. Same shapes (Expressive Code's
 * icon, copied below), same box (the button less 0.475 rem each side), same colour.
 */
import { definePlugin } from 'astro-expressive-code';
import { findElement, type HastNode } from './hast-find.ts';

/** Expressive Code's copy icon (its `--ec-frm-copyIcon`), as elements. */
export const COPY_ICON: HastNode = {
  type: 'element',
  tagName: 'svg',
  properties: {
    className: ['copy-icon'],
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: '1.75',
    ariaHidden: 'true',
    focusable: 'false',
  },
  children: [
    {
      type: 'element',
      tagName: 'path',
      properties: { d: 'M3 19a2 2 0 0 1-1-2V2a2 2 0 0 1 1-1h13a2 2 0 0 1 2 1' },
      children: [],
    },
    {
      type: 'element',
      tagName: 'rect',
      properties: { x: '6', y: '5', width: '16', height: '18', rx: '1.5', ry: '1.5' },
      children: [],
    },
  ],
};

// Where Expressive Code's ::after draws the masked icon: absolute, inset 0, margin 0.475rem.
export const COPY_ICON_STYLES = `
  .copy button::after {
    content: none;
  }
  .copy button .copy-icon {
    position: absolute;
    inset: 0.475rem;
    width: calc(100% - 0.95rem);
    height: calc(100% - 0.95rem);
    color: var(--ec-frm-inlBtnFg);
    pointer-events: none;
  }
`;

export function pluginCopyIcon() {
  return definePlugin({
    name: 'layerwise-copy-icon',
    baseStyles: COPY_ICON_STYLES,
    hooks: {
      postprocessRenderedBlock: ({ renderData }) => {
        const button = findElement(renderData.blockAst, (n) => n.tagName === 'button');
        button?.children?.push(structuredClone(COPY_ICON));
      },
    },
  });
}
