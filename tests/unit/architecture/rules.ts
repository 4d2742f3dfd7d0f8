/**
 * The module map of README.md ("Folder layout") as rules over the import graph. Each rule names
 * what it forbids and why; `violations` lists every import that breaks one, with the file and line.
 */
import type { Import } from './imports.ts';

export interface Violation {
  rule: string;
  at: string;
  detail: string;
}

/** A folder of src/core imported as a whole: through its index.ts (and the light entries below). */
const coreModule = (path: string) => /^src\/core\/([^/]+)\//.exec(path)?.[1] ?? null;

/**
 * Entry points besides index.ts, each cheap to import on its own. The bundler keeps an index's
 * modules in one chunk, so code that must stay light imports these instead: data a page or the CLI
 * needs without the checking code, and the server-option reader the terminal's prompt needs
 * without the Dockerfile parser (tests/e2e/workspace.spec.ts checks the parser loads behind it).
 */
export const EXTRA_ENTRIES: readonly string[] = [
  'src/core/checkers/catalog.ts',
  'src/core/checkers/course.ts',
  'src/core/dockerfile/server-options.ts',
  // the workspace's terminal before the simulator arrives: its prompt, its characters' widths
  'src/core/sandbox/early-terminal.ts',
];

const isNodeBuiltin = (to: string) =>
  to.startsWith('node:') ||
  /^(?:fs|path|os|http|https|net|child_process|crypto|url|util|stream|zlib|events|tls)(?:\/|$)/.test(
    to,
  );
const packageOf = (to: string) =>
  (to.startsWith('@') ? to.split('/').slice(0, 2) : to.split('/').slice(0, 1)).join('/');

/** The only file allowed a value import of each heavy browser package, and why. */
export const ONE_HOME: readonly { packages: RegExp; files: readonly string[]; why: string }[] = [
  {
    packages: /^@xterm\//,
    files: ['src/islands/workspace/terminal-view.ts'],
    why: 'xterm is loaded behind the plain terminal; one file owns it (the others take its types)',
  },
  {
    packages: /^(?:codemirror|@codemirror\/|@lezer\/)/,
    files: [
      // The editor (loaded after the terminal) and its languages, one chunk.
      'src/islands/workspace/editor-view.ts',
      'src/islands/workspace/editor-language.ts',
      // The diff against the solution: a chunk of its own, loaded only when asked.
      'src/islands/workspace/solution-view.ts',
    ],
    why: 'CodeMirror loads only with the editor, and its merge view only when the diff is asked for',
  },
  {
    packages: /^@webcontainer\//,
    files: ['src/islands/webcontainer/boot.ts'],
    why: 'WebContainer downloads from StackBlitz only after the learner consents; one file loads it',
  },
  {
    packages: /^dockerode$/,
    files: ['src/node/engine/dockerode-reader.ts'],
    why: 'the Engine is read (never written) through one reader',
  },
];

/** Code that runs somewhere other than its folder says: WebContainer's guest Node script. */
export const GUEST_SCRIPTS: readonly string[] = ['src/islands/webcontainer/commands.cjs'];

export function violations(imports: readonly Import[]): Violation[] {
  const out: Violation[] = [];
  const flag = (rule: string, i: Import, detail: string) =>
    out.push({ rule, at: `${i.from}:${i.line}`, detail });

  for (const i of imports) {
    const layer = i.from.split('/')[1] ?? '';
    const target = i.local ? i.to : null;

    // core: pure TypeScript, the same in the browser, Node and WebContainer.
    if (layer === 'core') {
      if (target && !target.startsWith('src/core/'))
        flag('core imports only core', i, `imports ${target}`);
      if (!target && packageOf(i.to) !== 'dockerfile-ast' && !i.typeOnly)
        flag('core imports no package but dockerfile-ast', i, `imports '${i.to}'`);
    }
    // Node built-ins and the Engine client live where the browser bundle cannot reach them.
    if (!target && isNodeBuiltin(i.to) && layer !== 'node' && !GUEST_SCRIPTS.includes(i.from))
      flag('Node built-ins only in src/node', i, `imports '${i.to}'`);
    // Layers point one way: pages/components → islands → core; node → core.
    if (target) {
      const to = target.split('/')[1] ?? '';
      if (layer === 'islands' && (to === 'node' || to === 'pages' || to === 'components'))
        flag('islands import core (and one another), never node or pages', i, `imports ${target}`);
      if (layer === 'node' && (to === 'islands' || to === 'pages' || to === 'components'))
        flag('node imports core, never the browser code', i, `imports ${target}`);
      if (target.endsWith('.ts') || target.endsWith('.astro')) checkEntry(i, target, flag);
    }
    for (const home of ONE_HOME)
      if (!target && home.packages.test(i.to) && !i.typeOnly && !home.files.includes(i.from))
        flag(
          `${home.packages.source} is value-imported only in ${home.files.join(', ')}`,
          i,
          `imports '${i.to}' (${home.why})`,
        );
  }
  out.push(...cycles(imports));
  return out;
}

/** Into a core module from outside it: its index.ts (or an extra entry), never its internals. */
function checkEntry(
  i: Import,
  target: string,
  flag: (rule: string, i: Import, detail: string) => void,
): void {
  const into = coreModule(target);
  if (!into || coreModule(i.from) === into) return;
  const entry = `src/core/${into}/index.ts`;
  if (target !== entry && !EXTRA_ENTRIES.includes(target))
    flag(`core/${into} is imported through its index.ts`, i, `imports ${target}; use ${entry}`);
}

/** Load-time cycles between files (type-only and dynamic imports cannot make one). */
function cycles(imports: readonly Import[]): Violation[] {
  const edges = new Map<string, Set<string>>();
  for (const i of imports)
    if (i.local && !i.typeOnly && !i.dynamic)
      edges.set(i.from, (edges.get(i.from) ?? new Set()).add(i.to));
  const found: Violation[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        found.push({ rule: 'no import cycles', at: file, detail: loop.join(' → ') });
      } else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) walk(file);
  return found;
}

export function report(found: readonly Violation[]): string {
  return found.map((v) => `  ${v.at}: ${v.detail}\n    rule: ${v.rule}`).join('\n');
}
