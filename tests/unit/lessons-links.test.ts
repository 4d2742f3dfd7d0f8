/** Every link from one lesson to another, or within one, lands on a page and a heading that exist. */
import { describe, expect, it } from 'vitest';
import { headings, links, readLessons } from '../../scripts/capture-outputs/lesson-sources.ts';

const lessons = readLessons();
const anchors = new Map(lessons.map((l) => [l.slug, new Set(headings(l.body).map((h) => h.slug))]));

const internal = lessons.flatMap((l) =>
  links(l.body)
    .filter((href) => !/^[a-z]+:/i.test(href))
    .map((href) => [l.slug, href] as const),
);

describe('internal links in the lessons', () => {
  it('exist (the course cross-references itself)', () => {
    expect(internal.length).toBeGreaterThan(10);
  });

  it.each(internal)('%s → %s', (from, href) => {
    const [path = '', anchor] = href.split('#');
    const target = path === '' ? from : /^\/lessons\/([a-z0-9-]+)\/$/.exec(path)?.[1];
    expect(
      target,
      `${href}: lesson links are /lessons/<slug>/ with the trailing slash`,
    ).toBeDefined();
    expect(anchors.has(target!), `${href}: no lesson "${target}"`).toBe(true);
    if (anchor !== undefined)
      expect([...anchors.get(target!)!], `${href}: no heading with that anchor`).toContain(anchor);
  });

  it('each external link is https', () => {
    const external = lessons.flatMap((l) => links(l.body).filter((href) => /^[a-z]+:/i.test(href)));
    expect(external.filter((href) => !href.startsWith('https://'))).toEqual([]);
  });
});
