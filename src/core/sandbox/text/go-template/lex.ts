/**
 * The lexer of Go's text/template (go/src/text/template/parse/lex.go, Go 1.22+): `{{` `}}`
 * actions with `{{-`/`-}}` trim markers, comments, fields, variables, strings, numbers and
 * keywords. Errors come back as an `error` item with Go's own wording.
 */

export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'bool'
  | 'char'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'eof'
  | 'error'
  // keywords
  | 'dot'
  | 'nil'
  | 'if'
  | 'else'
  | 'end'
  | 'range'
  | 'with'
  | 'define'
  | 'template'
  | 'block'
  | 'break'
  | 'continue';

export interface Item {
  type: ItemType;
  /** byte offset of the item in the template (what Go's error positions count) */
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  nil: 'nil',
  if: 'if',
  else: 'else',
  end: 'end',
  range: 'range',
  with: 'with',
  define: 'define',
  template: 'template',
  block: 'block',
  break: 'break',
  continue: 'continue',
};
const KEYWORD_TYPES = new Set(Object.values(KEYWORDS));

/** How Go prints an item in a parse error: `EOF`, `<else>`, `"x"`, `"longer tex"...`. */
export function itemString(item: Item): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.val;
  if (KEYWORD_TYPES.has(item.type)) return `<${item.val}>`;
  if ([...item.val].length > 10) return `${goQuote([...item.val].slice(0, 10).join(''))}...`;
  return goQuote(item.val);
}

/** Go's %q of a string (strconv.Quote): JSON-like escapes, non-printables as \x or \u. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined) => c !== undefined && /^[\p{L}\p{Nd}_]$/u.test(c);

export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let insideAction = false;
  const emit = (type: ItemType, val = input.slice(start, pos)) => {
    items.push({ type, pos: start, val, line: startLine });
    start = pos;
    startLine = line;
  };
  const advance = (n: number) => {
    for (let i = 0; i < n; i++) if (input[pos + i] === '\n') line++;
    pos += n;
  };
  const ignore = () => {
    start = pos;
    startLine = line;
  };
  const fail = (message: string) => {
    items.push({ type: 'error', pos: start, val: message, line: startLine });
    return items;
  };
  const atTerminator = () => {
    const c = input[pos];
    return c === undefined || isSpace(c) || ['.', ',', '|', ':', ')', '(', '}'].includes(c);
  };

  for (;;) {
    if (!insideAction) {
      const next = input.indexOf('{{', pos);
      if (next < 0) {
        advance(input.length - pos);
        if (pos > start) emit('text');
        emit('eof');
        return items;
      }
      advance(next - pos);
      // `{{- ` trims the spaces before it.
      const trim =
        input[next + 2] === '-' && isSpace(input[next + 3])
          ? /[ \t\r\n]*$/.exec(input.slice(start, next))![0].length
          : -1;
      if (pos > start) {
        const text = input.slice(start, trim > 0 ? next - trim : next);
        if (text) emit('text', text);
        else ignore();
      }
      advance(2);
      if (trim >= 0) advance(1);
      ignore();
      // A comment: `{{/* … */}}`, with optional trim markers around it.
      const afterSpace = trim >= 0 ? /^[ \t\r\n]*/.exec(input.slice(pos))![0].length : 0;
      if (input.startsWith('/*', pos + afterSpace)) {
        advance(afterSpace);
        const close = input.indexOf('*/', pos + 2);
        if (close < 0) return fail('unclosed comment');
        advance(close + 2 - pos);
        const rest = input.slice(pos);
        const trimRight = /^[ \t\r\n]+-\}\}/.exec(rest);
        if (trimRight) {
          advance(trimRight[0].length);
          advance(/^[ \t\r\n]*/.exec(input.slice(pos))![0].length);
        } else if (rest.startsWith('}}')) advance(2);
        else return fail('comment ends before closing delimiter');
        ignore();
        continue;
      }
      items.push({ type: 'leftDelim', pos: pos - 2 - (trim >= 0 ? 1 : 0), val: '{{', line });
      ignore();
      insideAction = true;
      parenDepth = 0;
      continue;
    }

    // Inside an action.
    const rest = input.slice(pos);
    const trimRight = /^[ \t\r\n]+-\}\}/.exec(rest);
    if (rest.startsWith('}}') || trimRight) {
      if (parenDepth > 0) return fail('unclosed left paren');
      if (trimRight) {
        advance(trimRight[0].length - 3);
        ignore();
      }
      const delimPos = pos + (trimRight ? 1 : 0);
      advance(trimRight ? 3 : 2);
      items.push({ type: 'rightDelim', pos: delimPos, val: '}}', line });
      if (trimRight) advance(/^[ \t\r\n]*/.exec(input.slice(pos))![0].length);
      ignore();
      insideAction = false;
      continue;
    }
    const c = input[pos];
    if (c === undefined) return fail('unclosed action');
    if (isSpace(c)) {
      advance(/^[ \t\r\n]+/.exec(rest)![0].length);
      emit('space');
      continue;
    }
    if (c === '=') {
      advance(1);
      emit('assign');
      continue;
    }
    if (c === ':') {
      if (input[pos + 1] !== '=') return fail('expected :=');
      advance(2);
      emit('declare');
      continue;
    }
    if (c === '|') {
      advance(1);
      emit('pipe');
      continue;
    }
    if (c === '"') {
      const m = /^"(?:[^"\\\n]|\\[^\n])*"/.exec(rest);
      if (!m) return fail('unterminated quoted string');
      advance(m[0].length);
      emit('string');
      continue;
    }
    if (c === '`') {
      const close = input.indexOf('`', pos + 1);
      if (close < 0) return fail('unterminated raw quoted string');
      advance(close + 1 - pos);
      emit('rawString');
      continue;
    }
    if (c === "'") {
      const m = /^'(?:[^'\\\n]|\\[^\n])*'/.exec(rest);
      if (!m) return fail('unterminated character constant');
      advance(m[0].length);
      emit('charConstant');
      continue;
    }
    if (c === '$' || (c === '.' && !/[0-9]/.test(input[pos + 1] ?? ''))) {
      advance(1);
      if (atTerminator()) {
        emit(c === '$' ? 'variable' : 'dot');
        continue;
      }
      while (isAlnum(input[pos])) advance(1);
      if (!atTerminator()) return fail(`bad character ${goRune(input[pos]!)}`);
      emit(c === '$' ? 'variable' : 'field');
      continue;
    }
    if (c === '+' || c === '-' || c === '.' || /[0-9]/.test(c)) {
      const m =
        /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)i?/.exec(
          rest,
        )!;
      advance(m[0].length);
      if (isAlnum(input[pos]) || m[0] === '' || /^[+-]$/.test(m[0])) {
        if (isAlnum(input[pos])) advance(1);
        return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      }
      emit('number');
      continue;
    }
    if (isAlnum(c)) {
      while (isAlnum(input[pos])) advance(1);
      if (!atTerminator()) return fail(`bad character ${goRune(input[pos]!)}`);
      const word = input.slice(start, pos);
      emit(KEYWORDS[word] ?? (word === 'true' || word === 'false' ? 'bool' : 'identifier'));
      continue;
    }
    if (c === '(') {
      advance(1);
      emit('leftParen');
      parenDepth++;
      continue;
    }
    if (c === ')') {
      advance(1);
      emit('rightParen');
      parenDepth--;
      if (parenDepth < 0) return fail(`unexpected right paren`);
      continue;
    }
    if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) {
      advance(1);
      emit('char');
      continue;
    }
    return fail(`unrecognized character in action: ${goRune(c)}`);
  }
}

/** Go's %#U: `U+007D '}'`. */
function goRune(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}
