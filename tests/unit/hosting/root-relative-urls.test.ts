/**
 * The site may be published under a sub-path (docs/deploy.md), so browser and page code builds
 * every internal URL with `withBase()` (src/islands/lib/base-url.ts), never as `/lessons/…`.
 * src/node is the server's side of the URLs (it maps them) and is not read here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../architecture/imports.ts';
import { rootRelativeUrls, siteSegments } from './internal-urls.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const segments = siteSegments();

describe('internal URLs in source', () => {
  it('knows the site: routes, public files and what the build adds', () => {
    expect(segments).toEqual(
      expect.arrayContaining(['lessons', 'practice', 'favicon.svg', '_astro', 'pyodide']),
    );
  });

  it('are never root-relative (use withBase)', () => {
    const files = sourceFiles().filter((f) => !f.startsWith('src/node/'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      rootRelativeUrls(file, readFileSync(join(ROOT, file), 'utf8'), segments).map(
        (f) => `  ${file}:${f.line}: ${f.text}`,
      ),
    );
    if (found.length)
      expect.fail(
        `Root-relative internal URLs break a site built under a base path; write withBase('/…') (src/islands/lib/base-url.ts):\n${found.join('\n')}`,
      );
  });
});

describe('the reader', () => {
  const find = (path: string, text: string) =>
    rootRelativeUrls(path, text, segments).map((f) => `${f.line}: ${f.text}`);

  it('finds literals, template heads and markup attributes', () => {
    expect(find('x.ts', "const a = '/lessons/';\nconst b = `/pyodide/${name}`;")).toEqual([
      '1: /lessons/',
      '2: /pyodide/',
    ]);
    expect(
      find(
        'X.astro',
        '---\nconst x = 1;\n---\n<a href="/">Home</a>\n<link rel="icon" href="/favicon.svg" />',
      ),
    ).toEqual(['4: href="/', '5: href="/favicon.svg']);
  });

  it('lets through comments, other paths, full URLs, fragments and imports', () => {
    expect(
      find(
        'x.ts',
        [
          "// see '/lessons/x/'",
          '/** loads `/pyodide/` */',
          "const f = '/demo/app/main.py';",
          "const u = 'https://example.com/lessons/';",
          "const p = '//lessons';",
          "import x from '/lessons/x.ts';",
          "const h = '#main';",
          "const w = withBase('/'.concat('x'));",
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      find('X.astro', '---\nconst a = withBase("/");\n---\n<a href={withBase(\'/\')}>x</a>'),
    ).toEqual([]);
  });
});
