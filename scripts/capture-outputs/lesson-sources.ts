/**
 * The lessons' MDX sources, read the way the checks need them: code blocks, `?raw` imports, headings
 * with the anchors the site gives them, links, and the commands a learner is shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { sessionCommands } from '../../src/core/shell-session.ts';
import { ROOT } from './workspace.ts';

export const LESSONS = join(ROOT, 'content/lessons');

export interface LessonSource {
  slug: string;
  path: string;
  /** the YAML between the `---` lines */
  frontmatter: string;
  /** everything after the frontmatter */
  body: string;
}

export function readLessons(): LessonSource[] {
  return readdirSync(LESSONS)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const path = join(LESSONS, file);
      const text = readFileSync(path, 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
      return {
        slug: file.replace(/\.mdx$/, ''),
        path,
        frontmatter: m?.[1] ?? '',
        body: m ? text.slice(m[0].length) : text,
      };
    });
}

export interface FencedBlock {
  lang: string;
  meta: string;
  code: string;
}

const FENCE = /^(`{3,})([\w-]*)([^\n]*)\n([\s\S]*?)\n\1[ \t]*$/gm;

export function fencedBlocks(body: string): FencedBlock[] {
  return [...body.matchAll(FENCE)].map((m) => ({
    lang: m[2] ?? '',
    meta: (m[3] ?? '').trim(),
    code: m[4] ?? '',
  }));
}

/** The body without its fenced code, where `#` lines and link-like text are code, not structure. */
const prose = (body: string) => body.replace(FENCE, '');

export interface RawImport {
  name: string;
  /** absolute path of the imported file */
  file: string;
}

export function rawImports(lesson: LessonSource): RawImport[] {
  return [...lesson.body.matchAll(/^import (\w+) from '([^']+)\?raw';$/gm)].map((m) => ({
    name: m[1]!,
    file: resolve(dirname(lesson.path), m[2]!),
  }));
}

export interface Heading {
  depth: number;
  text: string;
  /** the id the site gives it (github-slugger, as Astro's Markdown does) */
  slug: string;
}

/**
 * The site typesets prose (`--` becomes a dash, which the slug drops) but not code spans, so a flag
 * in a heading keeps its hyphens only inside backticks.
 */
const typeset = (markdown: string) =>
  markdown
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/-{2,3}/g, '\u2013')))
    .join('');

export function headings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  return [...prose(body).matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => {
    const markdown = m[2]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
    return {
      depth: m[1]!.length,
      text: markdown.replace(/`/g, ''),
      slug: slugger.slug(typeset(markdown)),
    };
  });
}

/** Markdown link targets and JSX `href`s, in order. */
export function links(body: string): string[] {
  const text = prose(body);
  return [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
}

/** The `<Tag …/>` components a lesson places, by name, in order. */
export const components = (body: string, name: string) =>
  [...prose(body).matchAll(new RegExp(`<${name}\\b([^>]*)/?>`, 'g'))].map((m) => m[1] ?? '');

export interface ShownCommand {
  slug: string;
  command: string;
  /** a fenced block, or the output file a session was imported from */
  from: string;
}

/** Every command a lesson shows: lines of ```bash blocks, prompts of ```shellsession blocks and of imported sessions. */
export function lessonCommands(lessons: LessonSource[] = readLessons()): ShownCommand[] {
  return lessons.flatMap((lesson) => {
    const fenced = fencedBlocks(lesson.body).flatMap((b) => {
      if (b.lang === 'bash') {
        return b.code
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('#'))
          .map((command) => ({ slug: lesson.slug, command, from: '```bash' }));
      }
      if (['shellsession', 'console', 'shell-session'].includes(b.lang)) {
        return sessionCommands(b.code).map((command) => ({
          slug: lesson.slug,
          command,
          from: `\`\`\`${b.lang}`,
        }));
      }
      return [];
    });
    const sessions = rawImports(lesson)
      .filter((i) => i.file.includes('/content/outputs/') && isSessionShown(lesson, i.name))
      .flatMap((i) =>
        sessionCommands(readFileSync(i.file, 'utf8')).map((command) => ({
          slug: lesson.slug,
          command,
          from: i.file.slice(ROOT.length),
        })),
      );
    return [...fenced, ...sessions];
  });
}

const isSessionShown = (lesson: LessonSource, name: string) =>
  new RegExp(`code=\\{${name}\\}[^>]*lang="shellsession"`).test(lesson.body);
