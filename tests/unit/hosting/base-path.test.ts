import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { baseLinks } from '../../../src/integrations/markdown-base-links.ts';
import { joinBase } from '../../../src/islands/lib/base-url.ts';
import { basePath } from '../../../src/node/hosting/base-path.ts';
import { siteKey } from '../../../src/islands/lib/storage.ts';

describe('LAYERWISE_BASE', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/docker-course/', '/docker-course/'],
    ['/docker-course', '/docker-course/'],
    [' /a//b ', '/a/b/'],
  ])('%j gives %j', (value, base) => expect(basePath(value)).toBe(base));

  it.each(['docker-course/', '//evil.example/', '/a/../b/', '/a b/', 'https://x.org/a/'])(
    'refuses %j with what it wants',
    (value) =>
      expect(() => basePath(value)).toThrow(/LAYERWISE_BASE must be a path .* \/docker-course\//),
  );
});

describe('withBase / joinBase', () => {
  it('puts the base in front without a double slash', () => {
    expect(joinBase('/', '/lessons/x/')).toBe('/lessons/x/');
    expect(joinBase('/docker-course/', '/lessons/x/')).toBe('/docker-course/lessons/x/');
    expect(joinBase('/docker-course/', '/')).toBe('/docker-course/');
  });
});

describe('the Markdown plugin for lesson links', () => {
  const markdown = [
    '[next](/lessons/x/#run-it) [docs](https://docs.docker.com/) [here](#here)',
    '[cdn](//cdn.example/x) ![icon](/favicon.svg)',
  ].join('\n');
  const urls = async (base: string) => {
    const { html } = await markdownToHtml(markdown, { hastPlugins: [baseLinks(base)] });
    return [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
  };

  it('prefixes root-relative links only', async () => {
    expect(await urls('/docker-course/')).toEqual([
      '/docker-course/lessons/x/#run-it',
      'https://docs.docker.com/',
      '#here',
      '//cdn.example/x',
      '/docker-course/favicon.svg',
    ]);
  });

  it('changes nothing at the root', async () => {
    expect(baseLinks('/')).toBeNull();
    expect(await urls('/')).toEqual([
      '/lessons/x/#run-it',
      'https://docs.docker.com/',
      '#here',
      '//cdn.example/x',
      '/favicon.svg',
    ]);
  });
});

describe('the progress key of a copy', () => {
  it('is the plain key at the root, so saved progress stays', () => {
    expect(siteKey('layerwise:progress', '/')).toBe('layerwise:progress');
  });
  it('is its own under a base path, so two courses on one origin do not mix', () => {
    expect(siteKey('layerwise:progress', '/docker-course/')).toBe(
      'layerwise:progress@/docker-course/',
    );
    expect(siteKey('layerwise:progress', '/a/')).not.toBe(siteKey('layerwise:progress', '/b/'));
  });
});
