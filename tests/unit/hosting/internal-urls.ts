/**
 * Finds root-relative internal URLs written in source (`href="/"`, `'/lessons/x/'`,
 * `` `/pyodide/${name}` ``): under a base path (`LAYERWISE_BASE=/docker-course/`) each would miss
 * the site. String literals are read with the TypeScript parser (comments never count); an .astro
 * file's markup is read for attributes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { scriptOf } from '../architecture/imports.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

/**
 * The first path segments of the built site's URLs: its routes (src/pages), public/, and what the
 * build adds (Astro's chunks, Pyodide, the search index, the service worker, npm start's API).
 */
export function siteSegments(): string[] {
  const routes = readdirSync(join(ROOT, 'src/pages')).map((n) =>
    n.replace(/\.(astro|ts|md|mdx)$/, ''),
  );
  const publicFiles = readdirSync(join(ROOT, 'public'));
  return [
    ...new Set([...routes, ...publicFiles, '_astro', 'pyodide', 'pagefind', 'sw.js', 'api']),
  ].filter((s) => s !== 'index' && !s.startsWith('['));
}

export interface Finding {
  line: number;
  text: string;
}

const ATTRIBUTE = /\b(?:href|src|srcset|action|poster|formaction)\s*=\s*["'`]\/(?!\/)[^"'`]*/g;

export function rootRelativeUrls(
  path: string,
  text: string,
  segments: readonly string[],
): Finding[] {
  const internal = new RegExp(
    `^/(?:${segments.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:[/?#]|$)`,
  );
  const found: Finding[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  if (path.endsWith('.astro')) {
    const script = scriptOf(path, text);
    // Markup only: where the script parts were blanked out, the text differs from the file's.
    for (const m of text.matchAll(ATTRIBUTE))
      if (script.slice(m.index, m.index + m[0].length) !== m[0])
        found.push({ line: lineOf(m.index), text: m[0] });
  }
  const source = ts.createSourceFile(path, scriptOf(path, text), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? node.head.text
          : null;
    const isImport =
      node.parent &&
      (ts.isImportDeclaration(node.parent) ||
        ts.isExportDeclaration(node.parent) ||
        (ts.isCallExpression(node.parent) &&
          node.parent.expression.kind === ts.SyntaxKind.ImportKeyword));
    // withBase('/lessons/x/') is the one right way to write one.
    const joined =
      node.parent &&
      ts.isCallExpression(node.parent) &&
      ts.isIdentifier(node.parent.expression) &&
      /^(?:withBase|joinBase)$/.test(node.parent.expression.text);
    if (literal !== null && !isImport && !joined && internal.test(literal))
      found.push({ line: lineOf(node.getStart(source)), text: literal });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
