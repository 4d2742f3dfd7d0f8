/**
 * The copy button's icon is inline SVG in the button, not Expressive Code's SVG mask image (issue
 * 14: Chrome builds an isolated SVG document for an SVG image inside the first render of a frame).
 */
import { ExpressiveCode } from 'expressive-code';
import { toHtml } from 'hast-util-to-html';
import { expect, it } from 'vitest';
import { COPY_ICON, pluginCopyIcon } from '../../../src/integrations/expressive-code-copy-icon.ts';

it('draws the icon inline in the copy button and drops the masked one', async () => {
  const ec = new ExpressiveCode({ plugins: [pluginCopyIcon()] });
  const { renderedGroupAst } = await ec.render({ code: 'print(1)', language: 'python' });
  expect(toHtml(renderedGroupAst)).toMatch(
    /<button [^>]*><div><\/div><svg class="copy-icon" [^>]*aria-hidden="true"/,
  );
  const css = await ec.getBaseStyles();
  expect(css).toContain('.expressive-code .copy button::after{content:none}');
  expect(css).toMatch(/\.copy button \.copy-icon\{position:absolute;inset:0\.475rem;/);
});

it('has the shapes of Expressive Code’s own icon (if it changes its icon, this says so)', async () => {
  const themes = await new ExpressiveCode().getThemeStyles();
  const url = /--ec-frm-copyIcon:url\("data:image\/svg\+xml,([^"]*)"\)/.exec(themes)?.[1] ?? '';
  const svg = decodeURIComponent(url);
  const [path, rect] = COPY_ICON.children ?? [];
  expect(svg).toContain(`stroke-width='${String(COPY_ICON.properties?.['strokeWidth'])}'`);
  expect(svg).toContain(`<path d='${String(path?.properties?.['d'])}'/>`);
  const attrs = Object.entries(rect?.properties ?? {}).map(([k, v]) => `${k}='${String(v)}'`);
  expect(svg).toContain(`<rect ${attrs.join(' ')}/>`);
});
