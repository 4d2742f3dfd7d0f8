/**
 * Each `h2` of a lesson and what follows it, up to the next `h2`, becomes one
 * `<div class="lesson-section">`, which global.css lets the browser skip (style, layout, paint)
 * until it nears the viewport: `content-visibility: auto` (issue 14). On the longest lessons the
 * first render after first paint styled and laid out the whole page, one long task at Lighthouse's
 * 4× CPU; now it covers the first screen. The DOM and its text are unchanged apart from the
 * wrapper, so find-in-page, anchors, printing and the accessibility tree see every section.
 *
 * Until a section has been drawn once it holds an estimated height, from its text's length and its
 * code frames and components (`--chars`, `--parts`; global.css turns them into a length for the
 * column's width); once drawn, the browser remembers the real one. The estimate leans high (fitted
 * on the built lessons at 412 and 1366 px: 9 in 10 sections at least 10 % taller than drawn, median
 * 1.4 ×): a section estimated too short overflows its box when a tool measures inside it while it
 * is skipped, and its content then overlaps the next one's (axe's target-size saw a quiz's radios
 * "too close" to another section's controls). Too tall only makes the page shorter as it is drawn.
 *
 * A section that holds form fields (an exercise's paste box, a quiz's options) is drawn from the
 * start (`lesson-section--fields`): Chrome's autofill reads every field's place when the document
 * has been parsed, which forced a synchronous style and layout of each skipped section holding
 * one inside the DOMContentLoaded task (trace, building-the-image at 412 px: that task 20-26 ms
 * of CPU, 12 ms without; at Lighthouse's 4× CPU the difference was blocking time).
 */
import type { HastPluginDefinition } from 'satteri';

interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  children?: readonly Node[];
}

/** The lesson components that render form fields (a textarea, radio buttons). */
const WITH_FIELDS = new Set(['Exercise', 'Quiz']);

/** Whether a block holds form fields: a field itself, or a component that renders some. */
export function holdsFields(node: Node): boolean {
  if (node.type === 'element' && ['input', 'select', 'textarea'].includes(node.tagName ?? ''))
    return true;
  if (node.type === 'mdxJsxFlowElement' && WITH_FIELDS.has(node.name ?? '')) return true;
  return (node.children ?? []).some(holdsFields);
}

/**
 * What a block adds to `--parts`: a code frame or a folded `<details>` one, a quiz (several
 * questions of options) five, another component one and a half.
 */
function partWeight(node: Node): number {
  if (node.type === 'element') return node.tagName === 'pre' ? 1 : 0;
  if (node.type !== 'mdxJsxFlowElement') return 0;
  if (node.name === 'Quiz') return 5;
  return node.name === 'Code' || node.name === 'details' ? 1 : 1.5;
}

const isH2 = (node: Node) => node.type === 'element' && node.tagName === 'h2';

/** The `h2` sections of a document's top level; what precedes the first `h2` stays outside. */
export function groupSections<N extends Node>(children: readonly N[]): N[][] {
  const sections: N[][] = [];
  for (const node of children) {
    if (isH2(node)) sections.push([node]);
    // imports and exports (`mdxjsEsm`) belong to the module, not to a section
    else if (node.type !== 'mdxjsEsm') sections.at(-1)?.push(node);
  }
  return sections;
}

export function sectionEstimate(
  section: readonly Node[],
  textLength: (node: Node) => number,
): { chars: number; parts: number } {
  let chars = 0;
  let parts = 0;
  for (const node of section) {
    parts += partWeight(node);
    if (node.type === 'element' && node.tagName !== 'pre') chars += textLength(node);
  }
  return { chars, parts };
}

/** The plugin for `markdown.processor: satteri({ hastPlugins })` (lessons are MDX; Markdown too). */
export function lessonSections(): HastPluginDefinition {
  return {
    name: 'layerwise-lesson-sections',
    after(root, ctx) {
      const text = (node: Node) => ctx.textContent(node as never).length;
      for (const section of groupSections(root.children as readonly Node[])) {
        const { chars, parts } = sectionEstimate(section, text);
        const className = ['lesson-section'];
        if (section.some(holdsFields)) className.push('lesson-section--fields');
        ctx.insertBefore(section[0] as never, {
          type: 'element',
          tagName: 'div',
          properties: { className, style: `--chars:${chars};--parts:${parts}` },
          // Sätteri's nodes are read-only views into its tree (structuredClone refuses them):
          // their plain JSON copy moves into the wrapper, and the originals are removed.
          children: section.map((node) => JSON.parse(JSON.stringify(node)) as never),
        });
        for (const node of section) ctx.removeNode(node as never);
      }
    },
  };
}
