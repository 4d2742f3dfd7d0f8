/**
 * After `astro build`: Expressive Code's stylesheet moves from the body into each page's head
 * (issue 14). Expressive Code links it at the first code block of each rendered document (the
 * lesson's Markdown, each <Code>), so a lesson's body held one to three such links. Chrome stops
 * the parser at a stylesheet in the body until it has loaded, and paints what it has: the first
 * paint showed the page's top and the first screen of the lesson came in a render after it, the
 * long task Lighthouse counts as blocking time (trace, troubleshooting at 412 px: the tasks after
 * first paint 20 -> 3 ms of blocking at 4x CPU with this and the sidebar's inline script gone).
 * In the head it is one stylesheet among the others, loaded beside them before the first paint;
 * it still comes after them, so the cascade is the same.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const EC_LINK = /<link rel="stylesheet" href="[^"]*\/ec\.[\w-]+\.css"\s*\/?>/g;

/** `html` with Expressive Code's stylesheet links out of the body and one at the end of its head. */
export function codeStylesInHead(html: string): string {
  const end = html.indexOf('</head>');
  if (end < 0) return html;
  const body = html.slice(end);
  const link = body.match(EC_LINK)?.[0];
  if (!link) return html;
  return html.slice(0, end) + link.replace(/\s*\/>$/, '>') + body.replaceAll(EC_LINK, '');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The integration; list it before any that hashes the built pages (the service worker). */
export function codeStylesInHeadIntegration(): AstroIntegration {
  return {
    name: 'layerwise-code-styles-in-head',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const moved = codeStylesInHead(html);
          if (moved !== html) writeFileSync(file, moved);
        }
      },
    },
  };
}
