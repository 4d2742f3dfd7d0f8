import { describe, expect, it } from 'vitest';
import { keyData } from '../../../src/islands/workspace/key-data.ts';

const press = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; isComposing: boolean }> = {},
) => keyData({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('keys as a terminal sends them (the plain terminal, while xterm loads)', () => {
  it.each([
    ['Enter', {}, '\r'],
    ['Backspace', {}, '\x7f'],
    ['Tab', {}, '\t'],
    ['ArrowUp', {}, '\x1b[A'],
    ['ArrowLeft', {}, '\x1b[D'],
    ['Home', {}, '\x1b[H'],
    ['Delete', {}, '\x1b[3~'],
    ['c', { ctrlKey: true }, '\x03'],
    ['L', { ctrlKey: true }, '\x0c'],
    ['a', {}, 'a'],
    ['A', {}, 'A'],
    [' ', {}, ' '],
    ['é', {}, 'é'],
    ['😀', {}, '😀'],
    ['@', { ctrlKey: true, altKey: true }, null],
    ['å', { altKey: true }, null],
    ['Dead', {}, null],
    ['Process', {}, null],
    ['Unidentified', {}, null],
    ['c', { metaKey: true }, null],
    ['Shift', {}, null],
    ['a', { isComposing: true }, null],
  ] as const)('%s %j → %j', (key, mods, data) => {
    expect(press(key, mods)).toBe(data);
  });
});
