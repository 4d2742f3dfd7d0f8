/**
 * How many terminal columns text takes, as xterm.js counts them by default (its Unicode 6 table,
 * the classic wcwidth): East Asian wide and fullwidth characters take two, combining marks none,
 * everything else one (emoji included: Unicode 6 predates wide emoji). The line editor needs the
 * same count as the terminal, or its redraw lands on the wrong row; a unit test holds the two
 * together on a real xterm model.
 */
import { stripAnsi } from '../../text/index.ts';

/** [first, last] code points xterm's Unicode 6 table draws two columns wide */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3040, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const COMBINING = /^[\p{Mn}\p{Me}]$/u;

export function charWidth(char: string): number {
  const cp = char.codePointAt(0) ?? 0;
  if (cp < 0x300) return cp < 32 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (COMBINING.test(char)) return 0;
  for (const [first, last] of WIDE) if (cp >= first && cp <= last) return 2;
  return 1;
}

/** Columns `text` takes on one unbounded row; colour codes take none. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += charWidth(char);
  return width;
}

/** Words laid out greedily in rows of at most `cols`, each row starting with `indent`; a word wider than a row is cut. */
function fill(words: readonly string[], cols: number, first: string, indent: string): string[] {
  const rows: string[] = [];
  let row = first;
  let empty = true;
  for (const word of words) {
    if (textWidth(row) + (empty ? 0 : 1) + textWidth(word) <= cols) {
      row += (empty ? '' : ' ') + word;
      empty = false;
      continue;
    }
    if (!empty) rows.push(row);
    row = indent + word;
    while (textWidth(row) > cols) {
      rows.push(row.slice(0, cols));
      row = indent + row.slice(cols);
    }
    empty = false;
  }
  if (!empty || row.trim()) rows.push(row);
  return rows;
}

/**
 * Help text laid out for a terminal `cols` wide, with its structure kept: prose paragraphs are
 * refilled; a labelled row (`  Files      ls, cd, …`, continued on rows indented to the same
 * column) is refilled with that hanging indent, or, where that leaves too little room, with the
 * label on its own row and the items indented under it.
 */
export function reflow(text: string, cols: number): string {
  type Block =
    | { kind: 'blank' }
    | { kind: 'prose'; words: string[] }
    | { kind: 'item'; lead: string; words: string[] };
  const blocks: Block[] = [];
  for (const line of text.split('\n')) {
    const last = blocks.at(-1);
    const label = /^(\s+\S+\s{2,})(\S.*)$/.exec(line);
    const words = line.trim().split(/\s+/);
    if (!line.trim()) blocks.push({ kind: 'blank' });
    else if (label)
      blocks.push({ kind: 'item', lead: label[1]!, words: label[2]!.trim().split(/\s+/) });
    else if (last?.kind === 'item' && /^\s+/.exec(line)![0].length === last.lead.length)
      last.words.push(...words);
    else if (last?.kind === 'prose' && !/^\s/.test(line)) last.words.push(...words);
    else blocks.push({ kind: 'prose', words });
  }
  const rows: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'blank') rows.push('');
    else if (block.kind === 'prose') rows.push(...fill(block.words, cols, '', ''));
    else if (textWidth(block.lead) + 24 <= cols) {
      rows.push(...fill(block.words, cols, block.lead, ' '.repeat(textWidth(block.lead))));
    } else {
      const label = block.lead.trimEnd();
      const indent = ' '.repeat(label.length - label.trimStart().length + 2);
      rows.push(label, ...fill(block.words, cols, indent, indent));
    }
  }
  return rows.join('\n');
}
