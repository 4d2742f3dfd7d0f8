/**
 * The parser of Go's text/template (parse/parse.go): actions, pipelines with declarations,
 * `if`/`range`/`with` with `else` (and `else if`), `break`/`continue`, parenthesised pipelines and
 * field chains. A parse error is Go's message, `template: :LINE: …`, returned, never thrown.
 */
import { goQuote, itemString, lex, type Item, type ItemType } from './lex.ts';

export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; value: number }
  | { type: 'string'; pos: number; quoted: string; value: string }
  | { type: 'pipe'; pos: number; pipe: Pipe }
  | { type: 'chain'; pos: number; node: Arg; fields: string[] };

export interface Command {
  pos: number;
  args: Arg[];
}

export interface Pipe {
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: Pipe }
  | {
      type: 'if' | 'range' | 'with';
      pos: number;
      pipe: Pipe;
      list: Node[];
      elseList: Node[] | null;
    }
  | { type: 'break' | 'continue'; pos: number };

type Ended = { type: 'end' | 'else'; pos: number; elseIf: boolean };

class ParseError extends Error {}

/** Go's `String()` of a node, for the `at <…>` of execution errors. */
export function argString(a: Arg | Command | Pipe): string {
  if ('cmds' in a) {
    const decl = a.decl.length ? `${a.decl.join(', ')} ${a.isAssign ? '=' : ':='} ` : '';
    return decl + a.cmds.map(argString).join(' | ');
  }
  if ('args' in a)
    return a.args
      .map((x) => (x.type === 'pipe' ? `(${argString(x.pipe)})` : argString(x)))
      .join(' ');
  switch (a.type) {
    case 'field':
      return a.ident.map((i) => `.${i}`).join('');
    case 'variable':
      return a.ident.join('.');
    case 'identifier':
      return a.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(a.value);
    case 'number':
      return a.text;
    case 'string':
      return a.quoted;
    case 'pipe':
      return argString(a.pipe);
    case 'chain': {
      const inner = a.node.type === 'pipe' ? `(${argString(a.node)})` : argString(a.node);
      return inner + a.fields.map((f) => `.${f}`).join('');
    }
  }
}

export function parseTemplate(
  text: string,
  hasFunction: (name: string) => boolean,
): { ok: true; nodes: Node[] } | { ok: false; error: string } {
  const items = lex(text);
  let i = 0;
  let vars = ['$'];
  let rangeDepth = 0;
  const next = () => items[Math.min(i++, items.length - 1)]!;
  const peek = () => items[Math.min(i, items.length - 1)]!;
  const backup = () => void i--;
  const nextNonSpace = () => {
    let t = next();
    while (t.type === 'space') t = next();
    return t;
  };
  const peekNonSpace = () => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const fail = (message: string, at: Item = items[Math.max(0, i - 1)]!): never => {
    throw new ParseError(`template: :${at.line}: ${message}`);
  };
  const unexpected = (t: Item, context: string): never =>
    fail(`unexpected ${itemString(t)} in ${context}`, t);
  const expect = (type: ItemType, context: string) => {
    const t = nextNonSpace();
    if (t.type !== type) unexpected(t, context);
    return t;
  };

  function itemList(): { list: Node[]; end: Ended } {
    const list: Node[] = [];
    for (;;) {
      const t = nextNonSpace();
      if (t.type === 'eof') fail('unexpected EOF', t);
      if (t.type === 'error') fail(t.val, t);
      if (t.type === 'text') {
        list.push({ type: 'text', pos: t.pos, text: t.val });
        continue;
      }
      if (t.type !== 'leftDelim') unexpected(t, 'input');
      const n = action();
      if ('elseIf' in n) return { list, end: n };
      list.push(n);
    }
  }

  function action(): Node | Ended {
    const t = nextNonSpace();
    switch (t.type) {
      case 'error':
        return fail(t.val, t);
      case 'end':
        expect('rightDelim', 'end');
        return { type: 'end', pos: t.pos, elseIf: false };
      case 'else': {
        const after = peekNonSpace();
        if (after.type === 'if' || after.type === 'with')
          return { type: 'else', pos: t.pos, elseIf: true };
        expect('rightDelim', 'else');
        return { type: 'else', pos: t.pos, elseIf: false };
      }
      case 'if':
      case 'range':
      case 'with':
        return control(t.type);
      case 'break':
      case 'continue':
        if (rangeDepth === 0) fail(`{{${t.type}}} outside {{range}}`, t);
        expect('rightDelim', t.type);
        return { type: t.type, pos: t.pos };
      case 'define':
      case 'template':
      case 'block':
        return fail(`${t.val} is not supported here`, t);
    }
    backup();
    return { type: 'action', pos: peekNonSpace().pos, pipe: pipeline('command') };
  }

  function control(kind: 'if' | 'range' | 'with'): Node {
    const saved = vars.length;
    const pipe = pipeline(kind);
    if (kind === 'range') rangeDepth++;
    let { list, end } = itemList();
    if (kind === 'range') rangeDepth--;
    let elseList: Node[] | null = null;
    if (end.type === 'else') {
      if (end.elseIf) {
        // `{{else if …}}` is `{{else}}{{if …}}…{{end}}{{end}}` sharing the one {{end}}.
        const keyword = nextNonSpace().type as 'if' | 'with';
        elseList = [control(keyword)];
        vars = vars.slice(0, saved);
        return { type: kind, pos: pipe.pos, pipe, list, elseList };
      }
      const rest = itemList();
      if (rest.end.type !== 'end') fail(`expected end; found {{else}}`);
      elseList = rest.list;
      end = rest.end;
    }
    vars = vars.slice(0, saved);
    return { type: kind, pos: pipe.pos, pipe, list, elseList };
  }

  function pipeline(context: string): Pipe {
    const decl: string[] = [];
    let isAssign = false;
    const pos = peekNonSpace().pos;
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const mark = i;
      nextNonSpace();
      const after = peekNonSpace();
      const comma = after.type === 'char' && after.val === ',';
      if (after.type === 'declare' || after.type === 'assign' || comma) {
        nextNonSpace();
        isAssign = after.type === 'assign';
        decl.push(v.val);
        if (!isAssign) vars.push(v.val);
        else if (!vars.includes(v.val)) fail(`undefined variable "${v.val}"`, v);
        if (comma) {
          if (context === 'range' && decl.length < 2) continue;
          fail(`too many declarations in ${context}`, v);
        }
      } else i = mark;
      break;
    }
    const pipe: Pipe = { pos, decl, isAssign, cmds: [] };
    for (;;) {
      const t = nextNonSpace();
      if (t.type === 'rightDelim' || t.type === 'rightParen') {
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`, t);
        if (t.type === 'rightParen') backup();
        return pipe;
      }
      if (
        [
          'bool',
          'charConstant',
          'dot',
          'field',
          'identifier',
          'number',
          'nil',
          'rawString',
          'string',
          'variable',
          'leftParen',
        ].includes(t.type)
      ) {
        backup();
        pipe.cmds.push(command());
      } else if (t.type === 'error') fail(t.val, t);
      else unexpected(t, context);
    }
  }

  function command(): Command {
    const cmd: Command = { pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const a = operand();
      if (a) cmd.args.push(a);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'error') fail(t.val, t);
      if (t.type === 'rightDelim' || t.type === 'rightParen') backup();
      else if (t.type !== 'pipe') fail(`unexpected ${itemString(t)} in operand`, t);
      break;
    }
    if (cmd.args.length === 0) fail('empty command');
    return cmd;
  }

  function operand(): Arg | null {
    const node = term();
    if (!node) return null;
    if (peek().type !== 'field') return node;
    const fields: string[] = [];
    const pos = peek().pos;
    while (peek().type === 'field') fields.push(next().val.slice(1));
    // Go keeps one field or variable node, placed at the first chained field.
    if (node.type === 'field') return { ...node, pos, ident: [...node.ident, ...fields] };
    if (node.type === 'variable') return { ...node, pos, ident: [...node.ident, ...fields] };
    if (['bool', 'string', 'number', 'nil', 'dot'].includes(node.type))
      fail(`unexpected . after term ${goQuote(argString(node))}`);
    return { type: 'chain', pos, node, fields };
  }

  function term(): Arg | null {
    const t = nextNonSpace();
    switch (t.type) {
      case 'error':
        return fail(t.val, t);
      case 'identifier':
        if (!hasFunction(t.val)) fail(`function "${t.val}" not defined`, t);
        return { type: 'identifier', pos: t.pos, name: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable':
        if (!vars.includes(t.val.split('.')[0]!)) fail(`undefined variable "${t.val}"`, t);
        return { type: 'variable', pos: t.pos, ident: [t.val] };
      case 'field':
        return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'number':
      case 'charConstant': {
        const value =
          t.type === 'charConstant' ? charValue(t.val) : Number(t.val.replace(/_/g, ''));
        if (Number.isNaN(value)) fail(`illegal number syntax: ${goQuote(t.val)}`, t);
        return { type: 'number', pos: t.pos, text: t.val, value };
      }
      case 'leftParen': {
        const pipe = pipeline('parenthesized pipeline');
        const close = next();
        if (close.type !== 'rightParen')
          fail(`unclosed right paren: unexpected ${itemString(close)}`, close);
        return { type: 'pipe', pos: t.pos, pipe };
      }
      case 'string':
        return {
          type: 'string',
          pos: t.pos,
          quoted: t.val,
          value: JSON.parse(
            t.val.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'"),
          ) as string,
        };
      case 'rawString':
        return { type: 'string', pos: t.pos, quoted: t.val, value: t.val.slice(1, -1) };
    }
    backup();
    return null;
  }

  try {
    const { list, end } = topLevel();
    void end;
    return { ok: true, nodes: list };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message };
    throw error;
  }

  function topLevel(): { list: Node[]; end: null } {
    const list: Node[] = [];
    for (;;) {
      const t = next();
      if (t.type === 'eof') return { list, end: null };
      if (t.type === 'error') fail(t.val, t);
      if (t.type === 'text') {
        list.push({ type: 'text', pos: t.pos, text: t.val });
        continue;
      }
      const n = action();
      if ('elseIf' in n) fail(`unexpected {{${n.type}}}`, items[i - 1]);
      list.push(n as Node);
    }
  }
}

function charValue(quoted: string): number {
  const body = quoted.slice(1, -1);
  if (body.startsWith('\\')) {
    const map: Record<string, number> = { n: 10, t: 9, r: 13, '\\': 92, "'": 39, '"': 34, '0': 0 };
    return map[body[1]!] ?? NaN;
  }
  return body.codePointAt(0) ?? NaN;
}
