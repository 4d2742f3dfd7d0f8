/**
 * Expressive Code's stylesheet links leave the body for the head after the build (issue 14: a
 * stylesheet in the body stops Chrome's parser, and the first paint came before the lesson).
 */
import { expect, it } from 'vitest';
import { codeStylesInHead } from '../../../src/node/build/code-styles-in-head.ts';

const link = (end = '>') => `<link rel="stylesheet" href="/base/_astro/ec.ga5tt.css"${end}`;
const page = (head: string, body: string) =>
  `<html><head>${head}</head><body>${body}</body></html>`;

it('moves every link to the stylesheet into one at the end of the head', () => {
  const before = page(
    '<link rel="stylesheet" href="/base/_astro/Base.x.css">',
    `<p>a</p><div class="expressive-code">${link()}<script type="module" src="/ec.js"></script></div>` +
      `<div class="expressive-code">${link('/>')}</div>`,
  );
  expect(codeStylesInHead(before)).toBe(
    page(
      `<link rel="stylesheet" href="/base/_astro/Base.x.css">${link()}`,
      '<p>a</p><div class="expressive-code"><script type="module" src="/ec.js"></script></div>' +
        '<div class="expressive-code"></div>',
    ),
  );
});

it('leaves a page without code, or with the link already in its head, as it was', () => {
  const plain = page('<title>x</title>', '<p>no code</p>');
  expect(codeStylesInHead(plain)).toBe(plain);
  const done = page(link(), '<p>code</p>');
  expect(codeStylesInHead(done)).toBe(done);
  expect(codeStylesInHead('<p>a fragment</p>')).toBe('<p>a fragment</p>');
});
