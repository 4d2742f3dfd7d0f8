/**
 * Expressive Code plugin that lets the browser skip the style, layout and paint of code frames
 * outside the viewport (issue 14): on the longest lessons the frames hold about 70 % of the page's
 * elements, and styling and laying them all out in the first render was one 60-70 ms task
 * (280 ms at Lighthouse's 4× CPU). A frame is drawn as it nears the viewport, before the learner
 * can see it; find-in-page, anchors, selection, printing and the accessibility tree still see every
 * frame (that is what `content-visibility: auto` keeps, unlike `hidden`).
 *
 * Until a frame has been drawn once, it holds the height its lines would take unwrapped
 * (`--ec-lines`), so the page's length and the headings' places (the "On this page" scroll-spy)
 * are about right; once drawn, the browser remembers its real height (`auto`).
 */
import { definePlugin } from 'astro-expressive-code';

// Title bar (one line of UI text and its padding) + code padding + borders, beside the lines.
// (calc needs the spaces around +.)
const LAZY_FRAMES = [
  '.frame{content-visibility:auto;contain-intrinsic-block-size:auto calc(',
  'var(--ec-lines, 1) * var(--ec-codeFontSize) * var(--ec-codeLineHt) + 2 * var(--ec-codePadBlk)',
  ' + var(--ec-uiFontSize) * var(--ec-uiLineHt) + 2 * var(--ec-uiPadBlk) + 3 * var(--ec-brdWd))}',
].join('');

/** `style` with `--ec-lines:N` added, keeping what the frame already had. */
export function withLineCount(style: unknown, lines: number): string {
  const own = typeof style === 'string' && style.trim() ? `${style.trim().replace(/;$/, '')};` : '';
  return `${own}--ec-lines:${lines}`;
}

export function pluginLazyFrames() {
  return definePlugin({
    name: 'layerwise-lazy-frames',
    baseStyles: LAZY_FRAMES,
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const frame = renderData.blockAst;
        frame.properties.style = withLineCount(frame.properties.style, codeBlock.getLines().length);
      },
    },
  });
}
