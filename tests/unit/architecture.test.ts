/**
 * The house rules of README.md's "Folder layout", checked on every import in src/ (in the manner
 * of Starlight's no-internal-barrel-imports test). A failure names the file, the line and the rule.
 */
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, type Import } from './architecture/imports.ts';
import { report, violations } from './architecture/rules.ts';

const imports = sourceFiles().flatMap((file) => importsOf(file));

describe('the module map', () => {
  it('reads the imports of every source file', () => {
    // A reader that found nothing would pass every rule.
    expect(imports.length).toBeGreaterThan(500);
    expect(imports.some((i) => i.from.endsWith('.astro'))).toBe(true);
    expect(imports.some((i) => i.dynamic)).toBe(true);
  });

  it('holds: no import crosses a boundary, reaches into a module, or closes a cycle', () => {
    const found = violations(imports);
    if (found.length) expect.fail(`The module map is broken:\n${report(found)}`);
  });
});

/** One made-up import, to show each rule can fail and what it says. */
const fake = (from: string, to: string, extra: Partial<Import> = {}): Import => ({
  from,
  to,
  local: !/^[@a-z]/.test(to) || to.startsWith('src/'),
  typeOnly: false,
  dynamic: false,
  line: 3,
  ...extra,
});

describe('each rule fails with the file and the rule', () => {
  it.each<[string, Import[], string]>([
    ['Node in core', [fake('src/core/text/x.ts', 'node:fs')], 'Node built-ins only in src/node'],
    [
      'a package in core',
      [fake('src/core/docker/x.ts', 'yaml')],
      'core imports no package but dockerfile-ast',
    ],
    [
      'core importing islands',
      [fake('src/core/checkers/x.ts', 'src/islands/quiz.ts')],
      'core imports only core',
    ],
    [
      "a module's internals",
      [fake('src/core/checkers/x.ts', 'src/core/docker-output/parse.ts')],
      'core/docker-output is imported through its index.ts',
    ],
    [
      "a module's internals from node",
      [fake('src/node/cli/x.ts', 'src/core/sandbox/shell/parse.ts')],
      'core/sandbox is imported through its index.ts',
    ],
    [
      'islands importing node',
      [fake('src/islands/x.ts', 'src/node/cli/main.ts')],
      'never node or pages',
    ],
    [
      'node importing islands',
      [fake('src/node/x.ts', 'src/islands/quiz.ts')],
      'never the browser code',
    ],
    [
      'xterm elsewhere',
      [fake('src/islands/workspace/x.ts', '@xterm/xterm')],
      'value-imported only in',
    ],
    [
      'a cycle',
      [fake('src/core/a/x.ts', 'src/core/a/y.ts'), fake('src/core/a/y.ts', 'src/core/a/x.ts')],
      'no import cycles',
    ],
  ])('%s', (_, graph, rule) => {
    const text = report(violations(graph));
    expect(text).toContain(rule);
    expect(text).toContain(graph[0]!.from);
  });

  it('lets types, dynamic imports and the module itself through', () => {
    expect(
      violations([
        fake('src/islands/workspace/x.ts', '@xterm/xterm', { typeOnly: true }),
        fake('src/core/a/x.ts', 'src/core/a/y.ts'),
        fake('src/core/a/y.ts', 'src/core/a/x.ts', { dynamic: true }),
        fake('src/node/cli/x.ts', 'src/core/checkers/index.ts'),
        fake('src/components/X.astro', 'src/core/checkers/catalog.ts'),
      ]),
    ).toEqual([]);
  });
});
