/**
 * The Expressive Code plugin that lets the browser skip frames outside the viewport (issue 14):
 * each frame carries its line count, and the base styles size a frame not yet drawn from it.
 */
import { ExpressiveCode } from 'expressive-code';
import { toHtml } from 'hast-util-to-html';
import { expect, it } from 'vitest';
import {
  pluginLazyFrames,
  withLineCount,
} from '../../../src/integrations/expressive-code-lazy-frames.ts';

it('gives every frame its line count, keeping a style it had', () => {
  expect(withLineCount(undefined, 3)).toBe('--ec-lines:3');
  expect(withLineCount('--x:1;', 12)).toBe('--x:1;--ec-lines:12');
});

it('renders a frame that the browser may skip until it nears the viewport', async () => {
  const ec = new ExpressiveCode({ plugins: [pluginLazyFrames()] });
  const { renderedGroupAst } = await ec.render({
    code: '$ docker images\nREPOSITORY   TAG\ndemo-image   latest',
    language: 'shellsession',
  });
  expect(toHtml(renderedGroupAst)).toMatch(/<figure class="frame[^"]*"[^>]* style="--ec-lines:3"/);
  const css = await ec.getBaseStyles();
  expect(css).toContain('.expressive-code .frame{content-visibility:auto;');
  // calc() only parses with spaces around + (without them the browser drops the height: 0 px frames)
  const calc = /contain-intrinsic-block-size:auto calc\((.*?)\)}/.exec(css)?.[1] ?? '';
  expect(calc).toContain('var(--ec-lines, 1)');
  expect(calc).not.toMatch(/\S\+|\+\S/);
});
