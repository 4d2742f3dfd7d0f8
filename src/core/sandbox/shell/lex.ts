/**
 * The shell's tokens: words made of parts (literal text, `$NAME`/`${…}`, `$(…)` and backtick
 * substitutions, `$((…))`), operators and newlines, and the bodies of here-documents. Quoting is
 * kept on each part because it decides what expands and what is split into fields later. It never
 * throws; input that bash would continue on a `> ` line is `incomplete`.
 */

/** A piece of a word; its quoting decides whether it expands, splits and globs. */
export interface WordPart {
  /** literal text; a parameter's inside (`HOME`, `X:-a`); a substitution's script; an arithmetic expression */
  text: string;
  quote: 'none' | 'single' | 'double';
  /** absent for literal text */
  kind?: 'param' | 'command' | 'arith';
  /** the part as typed (`$(docker ps -aq)`), for messages and completion */
  raw?: string;
}
export type Word = WordPart[];

export type Token = { t: 'word'; word: Word } | { t: 'op'; op: string } | { t: 'newline' };

export interface Heredoc {
  /** the body as written (no expansion yet) */
  body: string;
  /** the delimiter was unquoted: the body expands as a double-quoted string */
  expand: boolean;
}

export interface Lexed {
  tokens: Token[];
  heredocs: Heredoc[];
}

/** Longest first. `N>` forms are read only where a word starts, so `a2>b` stays a word. */
const OPERATORS = [
  '2>&1',
  '1>&2',
  '&>>',
  '2>>',
  '1>>',
  '<<<',
  '&&',
  '||',
  '>>',
  '<<-',
  '<<',
  '&>',
  '>&2',
  '2>',
  '1>',
  ';;',
  '|',
  ';',
  '&',
  '>',
  '<',
  '(',
  ')',
];

const SPECIAL_PARAM = /^[?#@*$!0-9-]/;

export function lex(input: string): Lexed | 'incomplete' {
  const text = input.replace(/\r\n?/g, '\n');
  const tokens: Token[] = [];
  const heredocs: Heredoc[] = [];
  const pending: { delimiter: string; strip: boolean; expand: boolean }[] = [];
  let word: Word | null = null;
  const part = (p: WordPart) => {
    word ??= [];
    const last = word.at(-1);
    if (!p.kind && last && !last.kind && last.quote === p.quote) last.text += p.text;
    else word.push(p);
  };
  const endWord = () => {
    if (word) tokens.push({ t: 'word', word });
    word = null;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      if (i + 1 >= text.length) return 'incomplete';
      if (text[i + 1] !== '\n') part({ text: text[i + 1]!, quote: 'single' });
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return 'incomplete';
      part({ text: text.slice(i + 1, end), quote: 'single' });
      i = end + 1;
    } else if (c === '$' && text[i + 1] === "'") {
      const read = ansiC(text, i + 2);
      if (!read) return 'incomplete';
      part({ text: read.text, quote: 'single' });
      i = read.next;
    } else if (c === '"') {
      const read = readDouble(text, i + 1, '"');
      if (!read) return 'incomplete';
      // `""` is an empty word of its own.
      if (read.parts.length === 0) part({ text: '', quote: 'double' });
      read.parts.forEach(part);
      i = read.next;
    } else if (c === '$' || c === '`') {
      const read = readDollar(text, i, 'none');
      if (read === 'incomplete') return 'incomplete';
      part(read.part);
      i = read.next;
    } else if (c === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '\n') {
      endWord();
      tokens.push({ t: 'newline' });
      i++;
      for (const doc of pending.splice(0)) {
        const body = readHeredoc(text, i, doc.delimiter, doc.strip);
        if (!body) return 'incomplete';
        heredocs.push({ body: body.body, expand: doc.expand });
        i = body.next;
      }
    } else {
      const op = OPERATORS.find(
        (o) => text.startsWith(o, i) && (word === null || !/^[12]/.test(o)),
      );
      if (op) {
        endWord();
        tokens.push({ t: 'op', op });
        i += op.length;
        if (op === '<<' || op === '<<-') {
          while (text[i] === ' ') i++;
          const m = /^(['"]?)([A-Za-z0-9_.-]+)\1/.exec(text.slice(i));
          if (!m) return 'incomplete';
          pending.push({ delimiter: m[2]!, strip: op === '<<-', expand: m[1] === '' });
          i += m[0].length;
        }
      } else {
        part({ text: c, quote: 'none' });
        i++;
      }
    }
  }
  endWord();
  if (pending.length) return 'incomplete';
  return { tokens, heredocs };
}

/**
 * The parts of a double-quoted string from `start` up to `close` (or to the end when `close` is
 * null: a here-document's body). Inside, `$…` and backticks expand and `\` escapes only `$`, `` ` ``,
 * `"`, `\` and a newline.
 */
export function readDouble(
  text: string,
  start: number,
  close: '"' | null,
): { parts: WordPart[]; next: number } | null {
  const parts: WordPart[] = [];
  const add = (p: WordPart) => {
    const last = parts.at(-1);
    if (!p.kind && last && !last.kind && last.quote === p.quote) last.text += p.text;
    else parts.push(p);
  };
  const escapable = close === null ? '$`\\\n' : '$`"\\\n';
  let i = start;
  while (i < text.length && text[i] !== close) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && escapable.includes(text[i + 1]!)) {
      // An escaped `$` must not expand later: it is kept as a quoted literal.
      if (text[i + 1] !== '\n') add({ text: text[i + 1]!, quote: 'single' });
      i += 2;
    } else if (c === '$' || c === '`') {
      const read = readDollar(text, i, 'double');
      if (read === 'incomplete') return null;
      add(read.part);
      i = read.next;
    } else {
      add({ text: c, quote: 'double' });
      i++;
    }
  }
  if (close !== null && i >= text.length) return null;
  return { parts, next: close === null ? i : i + 1 };
}

/** `$NAME`, `${…}`, `$(…)`, `$((…))` or `` `…` `` at `i`; a lone `$` is literal. */
function readDollar(
  text: string,
  i: number,
  quote: 'none' | 'double',
): { part: WordPart; next: number } | 'incomplete' {
  if (text[i] === '`') {
    const end = matchBacktick(text, i + 1);
    if (end < 0) return 'incomplete';
    const script = text.slice(i + 1, end).replace(/\\([$`\\])/g, '$1');
    return {
      part: { text: script, quote, kind: 'command', raw: text.slice(i, end + 1) },
      next: end + 1,
    };
  }
  const next = text[i + 1];
  if (next === '(') {
    const end = matchParen(text, i + 2);
    if (end < 0) return 'incomplete';
    const inside = text.slice(i + 2, end);
    const raw = text.slice(i, end + 1);
    const arith = inside.startsWith('(') && matchParen(inside, 1) === inside.length - 1;
    return {
      part: arith
        ? { text: inside.slice(1, -1), quote, kind: 'arith', raw }
        : { text: inside, quote, kind: 'command', raw },
      next: end + 1,
    };
  }
  if (next === '{') {
    const end = matchBrace(text, i + 2);
    if (end < 0) return 'incomplete';
    return {
      part: { text: text.slice(i + 2, end), quote, kind: 'param', raw: text.slice(i, end + 1) },
      next: end + 1,
    };
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
  if (name)
    return {
      part: { text: name, quote, kind: 'param', raw: `$${name}` },
      next: i + 1 + name.length,
    };
  if (next !== undefined && SPECIAL_PARAM.test(next))
    return { part: { text: next, quote, kind: 'param', raw: `$${next}` }, next: i + 2 };
  return { part: { text: '$', quote }, next: i + 1 };
}

/** Index of the `)` closing a `(` whose inside starts at `i`, skipping quotes and nested substitutions; -1 if none. */
export function matchParen(text: string, i: number): number {
  return matchClose(text, i, '(', ')');
}

/** The same for the `}` of a `${…}`. */
function matchBrace(text: string, i: number): number {
  return matchClose(text, i, '{', '}');
}

function matchClose(text: string, i: number, open: string, close: string): number {
  let depth = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === '"') {
      const read = readDouble(text, i + 1, '"');
      if (!read) return -1;
      i = read.next;
    } else if (c === '`') {
      const end = matchBacktick(text, i + 1);
      if (end < 0) return -1;
      i = end + 1;
    } else if (c === open) {
      depth++;
      i++;
    } else if (c === close) {
      if (--depth === 0) return i;
      i++;
    } else i++;
  }
  return -1;
}

function matchBacktick(text: string, i: number): number {
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '`') return i;
    else i++;
  }
  return -1;
}

const ANSI_C: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  e: '\x1b',
  E: '\x1b',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'…'`: C escapes, including `\xHH` and octal `\NNN`. */
function ansiC(text: string, i: number): { text: string; next: number } | null {
  let out = '';
  while (i < text.length && text[i] !== "'") {
    if (text[i] !== '\\' || i + 1 >= text.length) {
      out += text[i++];
      continue;
    }
    const e = text[i + 1]!;
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1));
    const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1));
    if (hex) {
      out += String.fromCharCode(parseInt(hex[1]!, 16));
      i += 1 + hex[0].length;
    } else if (oct) {
      out += String.fromCharCode(parseInt(oct[0], 8));
      i += 1 + oct[0].length;
    } else {
      out += ANSI_C[e] ?? `\\${e}`;
      i += 2;
    }
  }
  return i < text.length ? { text: out, next: i + 1 } : null;
}

function readHeredoc(
  text: string,
  start: number,
  delimiter: string,
  strip: boolean,
): { body: string; next: number } | null {
  let i = start;
  const lines: string[] = [];
  while (i <= text.length) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i, end < 0 ? text.length : end);
    const compared = strip ? line.replace(/^\t+/, '') : line;
    if (compared === delimiter)
      return { body: lines.map((l) => `${l}\n`).join(''), next: end < 0 ? text.length : end + 1 };
    if (end < 0) return null;
    lines.push(compared);
    i = end + 1;
  }
  return null;
}
