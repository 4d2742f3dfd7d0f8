// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import expressiveCode from 'astro-expressive-code';
import { pyodideFiles } from './src/node/python/pyodide-files.ts';
import { pagefindIndex } from './src/node/build/pagefind-index.ts';
import { basePath } from './src/node/hosting/base-path.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { baseLinks } from './src/integrations/markdown-base-links.ts';
import { lessonSections } from './src/integrations/lesson-sections.ts';
import { hostFiles } from './src/node/hosting/host-files.ts';
import { serviceWorker } from './src/node/hosting/service-worker-build.ts';
import { workspaceChunk } from './src/node/build/workspace-chunk.ts';
import { knownFalseWarnings } from './src/node/build/known-false-warnings.ts';
import { codeStylesInHeadIntegration } from './src/node/build/code-styles-in-head.ts';

// Cross-origin isolation for the dev and preview servers, as src/node/server/static-files.ts sends
// it: WebContainer (the workspace's optional real shell) needs SharedArrayBuffer.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The folder the site is published under (docs/deploy.md): `/` unless LAYERWISE_BASE says otherwise.
const base = basePath(process.env.LAYERWISE_BASE);

export default defineConfig({
  site: 'http://localhost:4321',
  base,
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // Lessons link to one another as /lessons/x/; under a base path the plugin prefixes it (MDX too).
  markdown: { processor: satteri({ hastPlugins: [baseLinks(base), lessonSections()] }) },
  integrations: [
    expressiveCode(),
    mdx(),
    // Expressive Code's stylesheet into each page's head (before anything hashes the pages)
    codeStylesInHeadIntegration(),
    pyodideFiles(),
    pagefindIndex(),
    // last: _headers and the nginx/Caddy snippets hash the inline scripts of every built page
    hostFiles(),
    // after the search index and Python are in dist/: the worker's version hashes every file
    serviceWorker(),
  ],
  vite: {
    server: { headers: crossOriginIsolation },
    preview: { headers: crossOriginIsolation },
    // dockerfile-ast (the Dockerfile parser core uses) calls Node's Buffer.from(char, 'UTF-8') once,
    // to spot a byte-order mark; browsers have no Buffer. TextEncoder gives the same UTF-8 bytes.
    define: { 'Buffer.from': '((text) => new TextEncoder().encode(text))' },
    // The workspace's code up to its prompt in one chunk, not fifteen (src/node/build/workspace-chunk.ts).
    // Astro's own "use astro:head-inject" directive warned once per lesson (known-false-warnings.ts).
    plugins: [workspaceChunk(), knownFalseWarnings()],
  },
});
