/**
 * Expressive Code plugin that gives each line fewer elements, for pages with dozens of frames
 * (issue 14: style and layout of 1,200+ elements is most of a long lesson's blocking time). It
 * changes no character and no colour:
 * - in a frame that does not wrap (terminal output), a line's leading spaces lose their
 *   `span.indent` wrapper (it only keeps wrapped lines aligned, and these never wrap);
 * - neighbouring token spans with the same inline style (one colour for a whole output line, split
 *   by the indent) become one span.
 */
import { definePlugin } from 'astro-expressive-code';
import type { HastNode } from './hast-find.ts';

const isText = (n: HastNode) => n.type === 'text';
const classOf = (n: HastNode) => n.properties?.['className'];

/** A token span: a `<span style="--0:…">` with text only, as Expressive Code renders a token. */
function isTokenSpan(n: HastNode): boolean {
  return (
    n.type === 'element' &&
    n.tagName === 'span' &&
    !classOf(n) &&
    Object.keys(n.properties ?? {}).length === 1 &&
    typeof n.properties?.['style'] === 'string' &&
    (n.children ?? []).every(isText)
  );
}

const textOf = (n: HastNode) =>
  (n.children ?? []).map((c) => (c as HastNode & { value?: string }).value ?? '').join('');

/** The children with `span.indent` unwrapped (when asked) and same-style token spans joined. */
export function leanChildren(children: HastNode[], unwrapIndent: boolean): HastNode[] {
  const flat = children.flatMap((c) =>
    unwrapIndent &&
    c.tagName === 'span' &&
    Array.isArray(classOf(c)) &&
    (classOf(c) as string[]).includes('indent')
      ? (c.children ?? [])
      : [c],
  );
  const out: HastNode[] = [];
  for (const node of flat) {
    const last = out.at(-1);
    if (
      last &&
      isTokenSpan(last) &&
      isTokenSpan(node) &&
      last.properties?.['style'] === node.properties?.['style']
    ) {
      out[out.length - 1] = {
        ...last,
        children: [{ type: 'text', value: textOf(last) + textOf(node) } as HastNode],
      };
    } else out.push(node);
  }
  return out;
}

export function pluginLeanLines() {
  return definePlugin({
    name: 'layerwise-lean-lines',
    hooks: {
      postprocessRenderedLine: ({ codeBlock, renderData }) => {
        const code = renderData.lineAst.children.find(
          (c) =>
            c.type === 'element' &&
            Array.isArray(c.properties['className']) &&
            c.properties['className'].includes('code'),
        ) as HastNode | undefined;
        if (!code?.children) return;
        code.children = leanChildren(code.children, codeBlock.props.wrap === false);
      },
    },
  });
}
