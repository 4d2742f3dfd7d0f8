// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import expressiveCode from 'astro-expressive-code';

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  integrations: [
    expressiveCode(),
    mdx(),
  ],
});
