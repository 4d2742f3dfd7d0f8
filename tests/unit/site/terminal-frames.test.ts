import { ExpressiveCode } from 'expressive-code';
import { describe, expect, it } from 'vitest';
import {
  MAY_SCROLL_AFTER,
  mayScroll,
  pluginTerminalScroll,
  terminalLabel,
} from '../../../src/integrations/expressive-code-terminal-scroll.ts';

describe('terminal frames', () => {
  it.each([
    [
      'a session: its first command',
      '$ docker ps\nCONTAINER ID   IMAGE',
      'Terminal',
      'Terminal: docker ps',
    ],
    [
      'a venv prompt',
      '(.venv) $ uvicorn app.main:app\nINFO: …',
      'Terminal',
      'Terminal: uvicorn app.main:app',
    ],
    [
      'a continued command: its first line',
      '$ docker run \\\n  -p 8000:8000 demo',
      undefined,
      'Terminal: docker run \\',
    ],
    [
      'commands without prompts, comment skipped',
      '# Windows\nnetstat -ano',
      undefined,
      'Terminal: netstat -ano',
    ],
    [
      'the frame title',
      '$ curl localhost:8000',
      'Second terminal',
      'Second terminal: curl localhost:8000',
    ],
    ['nothing to name', '\n', '', 'Terminal'],
  ])('are named by %s', (_, code, title, label) => {
    expect(terminalLabel(code, title)).toBe(label);
  });

  it('take a tab stop only when a line may not fit a phone', () => {
    expect(mayScroll('$ docker ps')).toBe(false);
    expect(mayScroll('x'.repeat(MAY_SCROLL_AFTER))).toBe(false);
    expect(mayScroll(`short\n${'x'.repeat(MAY_SCROLL_AFTER + 1)}`)).toBe(true);
  });

  it("draw the title bar's three dots without an SVG image (Chrome builds a document for one)", async () => {
    const css = await new ExpressiveCode({ plugins: [pluginTerminalScroll()] }).getBaseStyles();
    const ours =
      /\.frame\.is-terminal \.header::before\{-webkit-mask-image:none;mask-image:none;background:([^}]*)\}/.exec(
        css,
      );
    expect(ours?.[1]?.match(/radial-gradient\(circle 0\.28rem at [\d.]+rem 50%/g)).toHaveLength(3);
    // after Expressive Code's own rule, which draws them with its SVG mask
    expect(css).toContain('mask-image:var(--ec-frm-trmIcon)');
    expect(css.lastIndexOf('mask-image:var(--ec-frm-trmIcon)')).toBeLessThan(ours!.index);
  });
});
