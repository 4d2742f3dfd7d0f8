/**
 * The Markdown plugin that wraps each h2 section of a lesson so the browser may skip it until it
 * nears the viewport (issue 14): same content in the same order, one wrapper per h2, an estimate
 * of its height from its text and parts, and global.css's rule that uses them.
 */
import { readFileSync } from 'node:fs';
import { markdownToHtml } from 'satteri';
import { expect, it } from 'vitest';
import {
  groupSections,
  holdsFields,
  lessonSections,
  sectionEstimate,
} from '../../../src/integrations/lesson-sections.ts';

const markdown = [
  'An introduction stays outside.',
  '## First',
  'One paragraph of **text**.',
  '```sh\n$ docker images\n```',
  '### A subsection stays inside',
  'More.',
  '## Second',
  '- a list',
].join('\n\n');

it('wraps each h2 and what follows it up to the next h2, and nothing before the first', async () => {
  // with plugins its type is a result or a promise of one; without, a result
  const { html } = await markdownToHtml(markdown, { hastPlugins: [lessonSections()] });
  const plain = markdownToHtml(markdown).html;
  const unwrapped = html.replace(/<div class="lesson-section"[^>]*>|<\/div>/g, '');
  expect(unwrapped.replace(/\s+/g, '')).toBe(plain.replace(/\s+/g, ''));
  expect(html.match(/<div class="lesson-section"/g)).toHaveLength(2);
  expect(html).toMatch(/^<p>An introduction stays outside.<\/p>\s*<div class="lesson-section"/);
  expect(html).toMatch(/<div class="lesson-section" style="--chars:\d+;--parts:1"><h2>First<\/h2>/);
  expect(html).toMatch(/More.<\/p>\s*<\/div>\s*<div class="lesson-section"[^>]*><h2>Second/);
});

it('estimates from the text outside code and one part per frame or component', () => {
  const nodes = [
    { type: 'element', tagName: 'h2' },
    { type: 'text' },
    { type: 'element', tagName: 'p' },
    { type: 'element', tagName: 'pre' },
    { type: 'mdxJsxFlowElement', name: 'Code' },
    { type: 'mdxJsxFlowElement', name: 'Exercise' },
    { type: 'mdxjsEsm' },
    { type: 'element', tagName: 'h2' },
    { type: 'element', tagName: 'p' },
  ];
  const sections = groupSections(nodes);
  expect(sections.map((s) => s.length)).toEqual([6, 2]);
  expect(sectionEstimate(sections[0]!, (n) => (n.tagName === 'p' ? 100 : 10))).toEqual({
    chars: 110,
    parts: 3.5,
  });
});

it('global.css skips sections and sizes them from the estimate until drawn', () => {
  const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
  const rule = /\.lesson-section \{([^}]*)\}/.exec(css)?.[1] ?? '';
  expect(rule).toContain('content-visibility: auto');
  expect(rule).toMatch(
    /contain-intrinsic-block-size: auto\s+calc\(var\(--chars, 0\) \* var\(--px-per-char\) \+ var\(--parts, 0\)/,
  );
  expect(css).toMatch(/@media print \{\s*\.lesson-section \{\s*content-visibility: visible;/);
});

it('draws a section with form fields from the start (autofill lays it out at DOMContentLoaded)', async () => {
  // Markdown's own fields: a task list's checkboxes
  const withField = '## Plain\n\nText.\n\n## Asks\n\n- [ ] done?';
  const { html } = await markdownToHtml(withField, { hastPlugins: [lessonSections()] });
  expect(html).toMatch(/<div class="lesson-section" [^>]*><h2>Plain/);
  expect(html).toMatch(/<div class="lesson-section lesson-section--fields" [^>]*><h2>Asks/);
  const jsx = (name: string) => ({ type: 'mdxJsxFlowElement', name });
  expect(holdsFields(jsx('Exercise'))).toBe(true);
  expect(holdsFields(jsx('Quiz'))).toBe(true);
  expect(holdsFields(jsx('Code'))).toBe(false);
  expect(holdsFields({ type: 'element', tagName: 'div', children: [jsx('Quiz')] })).toBe(true);
  const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
  expect(css).toMatch(/\.lesson-section--fields \{\s*content-visibility: visible;/);
});
