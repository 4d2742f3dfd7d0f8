/**
 * Site search, as Starlight does it: after `astro build`, Pagefind indexes the built lessons into
 * dist/pagefind/ (a few static files and a WebAssembly module, all served by the site itself).
 * Nothing of it loads until the learner opens search (src/islands/site-search.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Only the lessons' text is indexed (the pages mark it with data-pagefind-body); within a lesson,
 * what is not the lesson's own words is left out: the workspace, the panels' controls, the table of
 * contents, the footer, and copy buttons.
 */
export const NOT_INDEXED = [
  '[data-workspace]',
  '.exercise-input',
  '.exercise-keys',
  '.exercise-actions',
  '[data-hosted-note]',
  'noscript',
  'nav.toc',
  '.lesson-footer',
  '.expressive-code .copy',
  '.diagram-hint',
  '.lesson-kicker',
];

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'layerwise-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_INDEXED });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          logger.info(`search index written to dist/pagefind/ (${added.page_count} pages read)`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
