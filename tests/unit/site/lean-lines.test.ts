/**
 * The Expressive Code plugin that trims a line's elements (issue 14): the same text in the same
 * colours, with fewer spans.
 */
import { expect, it } from 'vitest';
import { leanChildren } from '../../../src/integrations/expressive-code-lean-lines.ts';
import type { HastNode } from '../../../src/integrations/hast-find.ts';

const BLUE = '--0:#79B8FF;--1:#005CC5';
const RED = '--0:#F97583;--1:#D73A49';
const text = (value: string) => ({ type: 'text', value }) as HastNode;
const token = (style: string, value: string): HastNode => ({
  type: 'element',
  tagName: 'span',
  properties: { style },
  children: [text(value)],
});
const indent = (child: HastNode): HastNode => ({
  type: 'element',
  tagName: 'span',
  properties: { className: ['indent'] },
  children: [child],
});
// An output line of `docker build` as Expressive Code renders it (the lesson's HTML, abridged).
const OUTPUT_LINE = [
  indent(token(BLUE, ' ')),
  token(BLUE, '=> [internal] load .dockerignore  0.1s'),
];

it('joins an unwrapped output line into one span of the same colour and text', () => {
  expect(leanChildren(OUTPUT_LINE, true)).toEqual([
    token(BLUE, ' => [internal] load .dockerignore  0.1s'),
  ]);
});

it('keeps the indent wrapper where lines wrap (it aligns the wrapped part)', () => {
  expect(leanChildren(OUTPUT_LINE, false)).toEqual(OUTPUT_LINE);
});

it('never joins spans of different colours, or spans that are more than a token', () => {
  const marked: HastNode = {
    type: 'element',
    tagName: 'span',
    properties: { style: BLUE, className: ['highlight'] },
    children: [text('x')],
  };
  const line = [token(BLUE, 'a'), token(RED, 'b'), marked, token(BLUE, 'c'), token(BLUE, 'd')];
  expect(leanChildren(line, true)).toEqual([
    token(BLUE, 'a'),
    token(RED, 'b'),
    marked,
    token(BLUE, 'cd'),
  ]);
});
