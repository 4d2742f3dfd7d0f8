/**
 * The anchor: a Starlight site built in the same run from the same lesson text, so each of our
 * figures can be read as a ratio to what a well-kept docs framework gives. Each lesson's MDX is
 * copied as it is, with its imports pointed at the repository and its components replaced:
 * Starlight's <Code> for ours (both are Expressive Code), its <Tabs> for <OsTabs>, our diagrams as
 * they are, and nothing for the workspace, exercise panels and quizzes (they have no Starlight
 * equivalent, so the anchor page is the lighter one).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runAstro } from '../astro.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const LESSONS = join(ROOT, 'content/lessons');
/**
 * In the repository, so Starlight resolves from our node_modules, but not inside node_modules
 * (Vite would treat its pages as a dependency): in bench-results/, which git ignores.
 */
export const ANCHOR = join(ROOT, 'bench-results/starlight');

const INTERACTIVE = ['Workspace', 'Exercise', 'Quiz'];
const DIAGRAMS = ['BuildCache', 'ContainersVsVms', 'ImageLayers', 'PortMapping'];

const FILES: Record<string, string> = {
  // Astro bundles for the server what a project's package.json names as depending on Astro (vitefu):
  // without these names, Starlight's own modules were loaded by Node and met `astro:` imports.
  'package.json': `${JSON.stringify({ type: 'module', private: true, dependencies: { '@astrojs/starlight': '*', astro: '*' } })}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  trailingSlash: 'always',
  // Starlight's routes import astro:content: bundle them (the anchor has no node_modules of its own)
  vite: { ssr: { noExternal: ['@astrojs/starlight'] } },
  integrations: [starlight({ title: 'Layerwise (Starlight anchor)', pagefind: false })],
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  'src/components/Nothing.astro': '---\n---\n',
  'src/components/OsTabs.astro': `---
import { Tabs, TabItem } from '@astrojs/starlight/components';
---
<Tabs syncKey="os">
  <TabItem label="Linux"><slot name="linux" /></TabItem>
  <TabItem label="macOS"><slot name="macos" /></TabItem>
  <TabItem label="Windows"><slot name="windows" /></TabItem>
</Tabs>
`,
  'src/content/docs/index.mdx': '---\ntitle: Layerwise (Starlight anchor)\n---\n\nThe lessons.\n',
};

/** A lesson's MDX as a Starlight page: title and summary, imports that resolve, components that exist. */
export function starlightLesson(source: string): string {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const title = /^title:\s*(.*)$/m.exec(front)?.[1] ?? 'Lesson';
  const summary = /^summary:\s*(.*)$/m.exec(front)?.[1];
  const text = body
    .replace(
      "import { Code } from 'astro-expressive-code/components';",
      "import { Code } from '@astrojs/starlight/components';",
    )
    .replace(/from '(\.\.?\/[^']+)'/g, (_, path: string) => `from '${resolve(LESSONS, path)}'`);
  const used = (name: string) => new RegExp(`<${name}\\b`).test(text);
  const imports = [
    ...INTERACTIVE.filter(used).map((n) => `import ${n} from '../../../components/Nothing.astro';`),
    ...DIAGRAMS.filter(used).map(
      (n) => `import ${n} from '${join(ROOT, 'src/components/diagrams', `${n}.astro`)}';`,
    ),
    ...(used('OsTabs') ? ["import OsTabs from '../../../components/OsTabs.astro';"] : []),
  ];
  const description = summary ? `description: ${summary}\n` : '';
  return `---\ntitle: ${title}\n${description}---\n${imports.join('\n')}\n${text}`;
}

export interface Anchor {
  dist: string;
  /** `astro build` of the anchor, cold: no dist/, no .astro/, a fresh Node compile cache */
  seconds: number;
  slugs: string[];
}

/** Writes and builds the anchor site, cold, as the cold `npm start` builds ours. */
export function buildAnchor(): Anchor {
  rmSync(ANCHOR, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(ANCHOR, path)), { recursive: true });
    writeFileSync(join(ANCHOR, path), text);
  }
  const slugs = readdirSync(LESSONS)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''));
  mkdirSync(join(ANCHOR, 'src/content/docs/lessons'), { recursive: true });
  for (const slug of slugs)
    writeFileSync(
      join(ANCHOR, 'src/content/docs/lessons', `${slug}.mdx`),
      starlightLesson(readFileSync(join(LESSONS, `${slug}.mdx`), 'utf8')),
    );
  const cache = mkdtempSync(join(tmpdir(), 'layerwise-bench-compile-cache-'));
  try {
    const started = performance.now();
    const status = runAstro(['build', '--root', ANCHOR], { NODE_COMPILE_CACHE: cache });
    if (status !== 0) throw new Error('the Starlight anchor failed to build');
    return { dist: join(ANCHOR, 'dist'), seconds: (performance.now() - started) / 1000, slugs };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

let built: Anchor | undefined;
/** The anchor of this bench run: built once, by the first section that needs it. */
export function starlightAnchor(): Anchor {
  built ??= buildAnchor();
  return built;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(buildAnchor());
