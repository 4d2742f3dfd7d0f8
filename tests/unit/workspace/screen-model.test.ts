/**
 * The plain terminal's screen model against xterm itself (@xterm/headless): the same bytes from
 * the simulator's terminal, at the same width, give the same lines and the same cursor cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScreenModel } from '../../../src/islands/workspace/screen-model.ts';
import { sandboxOnScreen } from '../sandbox/xterm-screen.ts';

const LONG = 'docker run -d --name demo -p 127.0.0.1:8000:8000 --rm demo-image:latest';
const KEYS = ['\x1b[D', '\x1b[C', '\x1b[A', '\x1b[B', '\x1b[H', '\x1b[F', '\x7f', '\x15', '\x17'];

async function both(cols: number, inputs: readonly string[]) {
  const { sandbox, screen } = sandboxOnScreen(cols);
  const model = new ScreenModel(cols);
  sandbox.onOutput((text) => model.write(text));
  for (const input of inputs) {
    sandbox.write(input);
    // A command's output arrives over a few turns of the event loop; keys are answered at once.
    if (input.includes('\r'))
      for (let i = 0; i < 200; i++) await new Promise((r) => setTimeout(r, 0));
  }
  await screen.settled();
  return { model, screen };
}

describe('ScreenModel', () => {
  it.each([30, 36, 80])('matches xterm on a session at %i columns', async (cols) => {
    const { model, screen } = await both(cols, [
      `${LONG}`,
      '\x1b[D'.repeat(20),
      'X\x7f\x7f',
      '\r',
      'docker build -t demo-image .\r',
      'help\r',
      'echo 中文中文中文中文中文中文中文中文 é ✓\r',
      'docker images\r',
      'docker image\t',
      `echo ${'x'.repeat(Math.max(1, cols - 31))}`,
    ]);
    expect(model.text()).toBe(screen.lines().join('\n'));
    expect(model.cursor()).toEqual(screen.cursor());
  });

  it('any editing session matches xterm', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(30, 36, 80),
        fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('ab', 'é', '中', LONG, ' ')), {
          maxLength: 30,
        }),
        async (cols, keys) => {
          const { model, screen } = await both(cols, ['ls\r', ...keys]);
          expect(model.text()).toBe(screen.lines().join('\n'));
          expect(model.cursor()).toEqual(screen.cursor());
        },
      ),
      { numRuns: 20 },
    );
  });

  it('a clear starts a new screen; clearing the scrollback drops what was above', () => {
    const model = new ScreenModel(30);
    model.write('one\r\ntwo\r\n\x1b[H\x1b[2Jthree');
    expect(model.lines()).toEqual(['one', 'two', 'three']);
    model.write('\r\n\x1b[H\x1b[2J\x1b[3Jfour');
    expect(model.lines()).toEqual(['four']);
  });
});
