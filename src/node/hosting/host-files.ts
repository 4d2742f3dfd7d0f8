/**
 * After `astro build`: the files static hosts read (docs/deploy.md). Into the site folder go
 * `_headers` (Netlify, Cloudflare Pages) and `.nojekyll` (GitHub Pages would otherwise drop the
 * `_astro/` folder); beside it, in `dist-hosting/`, the nginx and Caddy snippets (not published).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inlineScriptHashes } from '../server/inline-scripts.ts';
import { caddySnippet, headersFile, nginxSnippet, type HostFacts } from './host-config.ts';

/** Every inline script's hash across the site's pages, in a stable order. */
export function siteScriptHashes(site: string): string[] {
  const hashes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html'))
        for (const h of inlineScriptHashes(readFileSync(path, 'utf8'))) hashes.add(h);
    }
  };
  walk(site);
  return [...hashes].sort();
}

/** Where the snippets go: `dist-hosting/` beside `dist/`. */
export const snippetsDir = (site: string) => join(dirname(site), `${basename(site)}-hosting`);

export function writeHostFiles(site: string, base: string): HostFacts {
  const facts: HostFacts = { base, scriptHashes: siteScriptHashes(site) };
  writeFileSync(join(site, '_headers'), headersFile(facts));
  writeFileSync(join(site, '.nojekyll'), '');
  const snippets = snippetsDir(site);
  mkdirSync(snippets, { recursive: true });
  writeFileSync(join(snippets, 'nginx.conf'), nginxSnippet(facts));
  writeFileSync(join(snippets, 'Caddyfile'), caddySnippet(facts));
  return facts;
}

export function hostFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'layerwise-host-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir).replace(/\/$/, '');
        const facts = writeHostFiles(site, base);
        logger.info(
          `_headers (${facts.scriptHashes.length} inline-script hashes) and ${basename(snippetsDir(site))}/{nginx.conf,Caddyfile} written for ${base}`,
        );
      },
    },
  };
}
