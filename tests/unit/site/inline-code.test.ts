import { describe, expect, it } from 'vitest';
import { inlineCode } from '../../../src/core/inline-code.ts';

const c = (text: string) => ({ code: true, text });
const t = (text: string) => ({ code: false, text });

describe('inline code in plain text', () => {
  it.each([
    ['no backticks', 'Build an image', [t('Build an image')]],
    [
      'a code span between words',
      'Create a venv with `python -m venv` first',
      [t('Create a venv with '), c('python -m venv'), t(' first')],
    ],
    ['code at both ends', '`a` and `b`', [c('a'), t(' and '), c('b')]],
    [
      'quotes inside code',
      'Explain why it answers `"Welcome to root"`',
      [t('Explain why it answers '), c('"Welcome to root"')],
    ],
    ['a double fence around a backtick', 'use `` a`b `` here', [t('use '), c('a`b'), t(' here')]],
    ['as CommonMark, the next backtick closes', 'it`s `ok`', [t('it'), c('s '), t('ok`')]],
    ['a backtick left open stays text', 'run `docker ps', [t('run `docker ps')]],
    ['a lone backtick', 'a ` b', [t('a ` b')]],
    ['a fence of another length does not close', '``a` b', [t('``a` b')]],
    ['empty text', '', []],
    ['HTML stays text, for the caller to set as text', '`<img>` <b>', [c('<img>'), t(' <b>')]],
  ])('%s', (_, input, pieces) => {
    expect(inlineCode(input)).toEqual(pieces);
  });
});
