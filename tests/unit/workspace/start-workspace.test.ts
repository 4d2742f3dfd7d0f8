import { describe, expect, it } from 'vitest';
import { earlyEcho } from '../../../src/islands/workspace/start-workspace.ts';

describe('what the terminal echoes before the simulator has arrived', () => {
  it.each(['l', 'ls -la', 'é', '😀', 'docker build -t demo-image .'])('plain text %j', (data) => {
    expect(earlyEcho(data)).toBe(data);
  });

  it.each([
    ['Enter', '\r'],
    ['Tab', '\t'],
    ['Backspace', '\x7f'],
    ['↑', '\x1b[A'],
    ['Ctrl+C', '\x03'],
    ['Escape', '\x1b'],
    ['a paste with a newline', 'ls\rpwd'],
    ['a C1 control', '\x9b'],
  ])('nothing for %s (it needs the shell)', (_, data) => {
    expect(earlyEcho(data)).toBeNull();
  });
});
