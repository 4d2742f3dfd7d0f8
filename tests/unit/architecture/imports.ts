/**
 * Every import in src/, read with the TypeScript parser: static imports and re-exports, `import()`
 * and `typeof import()`, in .ts/.mts/.cjs files and in an .astro file's frontmatter and scripts.
 * Relative specifiers are resolved to a path under the repository; packages stay as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export interface Import {
  /** repository-relative path of the importing file, e.g. `src/core/docker/index.ts` */
  from: string;
  /** repository-relative path for a relative specifier (query such as `?raw` dropped), else the package name as written */
  to: string;
  /** true for a relative specifier */
  local: boolean;
  /** `import type`, `import { type X }` only, or `typeof import()`: erased at build time */
  typeOnly: boolean;
  /** `import()`: loaded when first used, so it cannot take part in a load-time cycle */
  dynamic: boolean;
  line: number;
}

const ROOT = new URL('../../../', import.meta.url).pathname;
const SOURCE = /\.(?:ts|mts|cts|cjs|mjs|astro)$/;

export function sourceFiles(folder = 'src'): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(folder, f).split('\\').join('/'))
    .sort();
}

/** The TypeScript of a file: an .astro file's frontmatter and `<script>` bodies, blank lines kept for line numbers. */
export function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  const keep = new Array<string>(text.length).fill(' ');
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) keep[i] = text[i]!;
  };
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) copy(4, 4 + front[1]!.length);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
    copy(m.index + m[0].indexOf('>') + 1, m.index + m[0].length - '</script>'.length);
  return keep.map((c, i) => (text[i] === '\n' ? '\n' : c)).join('');
}

export function importsOf(path: string, text = readFileSync(join(ROOT, path), 'utf8')): Import[] {
  const source = ts.createSourceFile(path, scriptOf(path, text), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (specifier: ts.Expression, node: ts.Node, typeOnly: boolean, dynamic: boolean) => {
    if (!ts.isStringLiteralLike(specifier)) return;
    const written = specifier.text;
    const local = written.startsWith('.');
    const to = local
      ? normalize(join(dirname(path), written.replace(/\?.*$/, '')))
          .split('\\')
          .join('/')
      : written;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ from: path, to, local, typeOnly, dynamic, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, node, allTypes, false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const allTypes =
        node.isTypeOnly ||
        (!!clause &&
          ts.isNamedExports(clause) &&
          clause.elements.length > 0 &&
          clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, node, allTypes, false);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(arg.literal, node, true, true);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0]
    ) {
      add(node.arguments[0], node, false, true);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require' &&
      node.arguments[0]
    ) {
      add(node.arguments[0], node, false, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export const repoPath = (absolute: string) => relative(ROOT, absolute);
