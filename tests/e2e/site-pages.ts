/** The pages of the built site, read from dist/ so a new lesson is tested without listing it. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DIST = new URL('../../dist/', import.meta.url).pathname;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** URL paths such as `/` and `/lessons/introduction/`; the 404 page as `/404.html` (of dist/, or another build). */
export function sitePages(dist = DIST): string[] {
  return htmlFiles(dist)
    .map((file) => `/${relative(dist, file).split(sep).join('/')}`)
    .map((p) => (p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p))
    .sort();
}

/** Lesson pages in course order (each lesson's frontmatter `order`), as the site lists them. */
export function lessonPages(): string[] {
  const dir = new URL('../../content/lessons/', import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({
      path: `/lessons/${f.slice(0, -4)}/`,
      order: Number(/^order:\s*(\d+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1]),
    }))
    .sort((a, b) => a.order - b.order)
    .map((l) => l.path);
}
