/**
 * Lessons link to one another as `/lessons/x/`, the site's own paths. When the site is built for a
 * base path (`LAYERWISE_BASE=/docker-course/`), this Markdown plugin puts the base in front of
 * every such root-relative `href`/`src`, so authors keep writing plain paths. Astro 7 renders
 * Markdown and MDX with Sätteri, which runs its own hast plugins (rehype plugins are ignored).
 */
import type { HastPluginDefinition } from 'satteri';
import { joinBase } from '../islands/lib/base-url.ts';

const URL_PROPERTIES = ['href', 'src'] as const;

/** A root-relative URL on this site: `/x`, not `//host/x` (another site) nor `#x` or `x`. */
export const isRootRelative = (url: string): url is `/${string}` =>
  url.startsWith('/') && !url.startsWith('//');

/** The plugin for `markdown.processor: satteri({ hastPlugins })`; nothing to do at the base `/`. */
export function baseLinks(base: string): HastPluginDefinition | null {
  if (base === '/') return null;
  return {
    name: 'layerwise-base-links',
    element: {
      filter: ['a', 'img', 'source', 'video', 'audio'],
      visit(node, ctx) {
        for (const name of URL_PROPERTIES) {
          const value = node.properties?.[name];
          if (typeof value === 'string' && isRootRelative(value))
            ctx.setProperty(node, name, joinBase(base, value));
        }
      },
    },
  };
}
