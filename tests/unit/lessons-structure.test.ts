/** The lessons as the site and other code expect them: names, order, frontmatter, exercises, headings, code from files. */
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  components,
  fencedBlocks,
  headings,
  readLessons,
} from '../../scripts/capture-outputs/lesson-sources.ts';
import { lessonSchema } from '../../src/content/lesson-schema.ts';
import { CATALOG } from '../../src/core/checkers/catalog.ts';

const ORDER = [
  'introduction',
  'what-is-a-container',
  'what-is-an-image',
  'demo-fastapi-project',
  'writing-the-dockerfile',
  'building-the-image',
  'running-the-container',
  'development-loop',
  'troubleshooting',
  'next-steps',
];
const lessons = readLessons();
const frontmatter = (slug: string) =>
  lessonSchema.parse(parseYaml(lessons.find((l) => l.slug === slug)!.frontmatter));

describe('the lessons', () => {
  it('are exactly the ten files other code links to, in course order', () => {
    expect(lessons.map((l) => l.slug).sort()).toEqual([...ORDER].sort());
    expect([...ORDER].sort((a, b) => frontmatter(a).order - frontmatter(b).order)).toEqual(ORDER);
    expect(ORDER.map((slug) => frontmatter(slug).order)).toEqual(ORDER.map((_, i) => i + 1));
  });

  it('hold every exercise of the catalog once, in the catalog’s order', () => {
    const listed = ORDER.flatMap((slug) => frontmatter(slug).exercises ?? []);
    expect(listed).toEqual(CATALOG.map((e) => e.id));
  });

  describe.each(lessons.map((l) => [l.slug, l] as const))('%s', (slug, lesson) => {
    it('places the exercises its frontmatter lists', () => {
      const placed = components(lesson.body, 'Exercise').map(
        (attrs) => /id="([^"]+)"/.exec(attrs)?.[1],
      );
      expect(placed).toEqual(frontmatter(slug).exercises ?? []);
    });

    it('starts at ## and never skips a heading level', () => {
      const levels = headings(lesson.body).map((h) => h.depth);
      expect(levels[0]).toBe(2);
      levels.forEach((depth, i) =>
        expect(depth - (levels[i - 1] ?? 1), `heading ${i + 1}`).toBeLessThanOrEqual(1),
      );
    });

    it('ends with "Further reading", linking to official documentation only', () => {
      const all = headings(lesson.body);
      expect(all.filter((h) => h.depth === 2).at(-1)?.text).toBe('Further reading');
      const section = lesson.body.slice(lesson.body.lastIndexOf('## Further reading'));
      const urls = [...section.matchAll(/\]\((https?:[^)]+)\)/g)].map((m) => new URL(m[1]!));
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url.protocol).toBe('https:');
        expect([
          'docs.docker.com',
          'fastapi.tiangolo.com',
          'docs.python.org',
          'devguide.python.org',
          'pip.pypa.io',
          'docs.aws.amazon.com',
        ]).toContain(url.hostname);
      }
    });

    it('shows code and output from files, never typed in: no fenced Dockerfile, Python or terminal output', () => {
      for (const block of fencedBlocks(lesson.body)) {
        // commands to type (bash, PowerShell) and file trees (text); outputs come from content/outputs/
        expect(['bash', 'powershell', 'text'], `a \`\`\`${block.lang} block`).toContain(block.lang);
        if (block.lang === 'text')
          expect(block.code, 'a ```text block is a file tree, not output').toMatch(/[├└]/);
      }
    });
  });

  it.each([
    ['what-is-a-container', 'ContainersVsVms'],
    ['what-is-a-container', 'PortMapping'],
    ['what-is-an-image', 'ImageLayers'],
    ['building-the-image', 'BuildCache'],
    ['running-the-container', 'PortMapping'],
    ['what-is-a-container', 'Quiz'],
    ['what-is-an-image', 'Quiz'],
  ])('%s shows <%s>', (slug, name) => {
    expect(components(lessons.find((l) => l.slug === slug)!.body, name)).toHaveLength(1);
  });

  it.each(['what-is-a-container', 'what-is-an-image'])(
    '%s ends its teaching with a concept check',
    (slug) => {
      const h2 = headings(lessons.find((l) => l.slug === slug)!.body)
        .filter((h) => h.depth === 2)
        .map((h) => h.text);
      expect(h2.slice(-2)).toEqual(['Concept check', 'Further reading']);
    },
  );
});
