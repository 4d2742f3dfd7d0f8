import { messageOf } from '../../text/index.ts';
/**
 * The slice of Go's text/template that `docker … --format` is used with in the course:
 * `{{.A.B}}`, `{{json .A}}`, `{{range .A}}…{{end}}`, `{{println .}}`, `{{join .A ","}}`, `{{upper …}}`
 * and `{{lower …}}`, and the `table` prefix for list commands. Anything else is reported as a
 * template error, as the CLI does, never thrown.
 */

type Value = unknown;
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string }
  | { kind: 'range'; expr: string; body: Node[] };

export type TemplateResult = { ok: true; text: string } | { ok: false; error: string };

export function renderTemplate(template: string, data: Value): TemplateResult {
  const parsed = parse(template);
  if (typeof parsed === 'string') return { ok: false, error: `template parsing error: ${parsed}` };
  try {
    return { ok: true, text: run(parsed, data) };
  } catch (error) {
    return { ok: false, error: `template: :1: executing "" ${messageOf(error)}` };
  }
}

/** Go's default `%v` formatting of decoded JSON: `[a b]`, `map[k:v]`. */
export function goString(value: Value): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goString).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Value>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `map[${entries.map(([k, v]) => `${k}:${goString(v)}`).join(' ')}]`;
  }
  return String(value);
}

function parse(template: string): Node[] | string {
  const stack: Node[][] = [[]];
  const ranges: { expr: string; body: Node[] }[] = [];
  const re = /\{\{-?\s*(.*?)\s*-?\}\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) stack.at(-1)!.push({ kind: 'text', text: template.slice(last, m.index) });
    last = m.index + m[0].length;
    const body = m[1]!;
    if (body.startsWith('range ')) {
      const node = { kind: 'range' as const, expr: body.slice(6).trim(), body: [] as Node[] };
      stack.at(-1)!.push(node);
      stack.push(node.body);
      ranges.push(node);
    } else if (body === 'end') {
      if (!ranges.pop()) return 'unexpected {{end}}';
      stack.pop();
    } else stack.at(-1)!.push({ kind: 'action', expr: body });
  }
  if (ranges.length) return 'unexpected EOF';
  if (last < template.length) stack[0]!.push({ kind: 'text', text: template.slice(last) });
  return stack[0]!;
}

function run(nodes: Node[], dot: Value): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
    else if (node.kind === 'action') out += show(evaluate(node.expr, dot));
    else {
      const items = evaluate(node.expr, dot);
      const list = Array.isArray(items)
        ? items
        : items && typeof items === 'object'
          ? Object.values(items)
          : [];
      for (const item of list) out += run(node.body, item);
    }
  }
  return out;
}

function show(value: Value): string {
  return typeof value === 'string' ? value : goString(value);
}

function evaluate(expr: string, dot: Value): Value {
  const words = expr.match(/"[^"]*"|\S+/g) ?? [];
  const [head, ...args] = words;
  const values = () => args.map((a) => operand(a, dot));
  switch (head) {
    case 'json':
      return JSON.stringify(values()[0] ?? null);
    case 'println':
      return `${values().map(show).join(' ')}\n`;
    case 'join': {
      const [list, sep] = values();
      return Array.isArray(list) ? list.map(show).join(String(sep)) : '';
    }
    case 'upper':
      return show(values()[0]).toUpperCase();
    case 'lower':
      return show(values()[0]).toLowerCase();
    default:
      if (args.length) throw new Error(`function "${head}" not defined`);
      return operand(head ?? '.', dot);
  }
}

function operand(word: string, dot: Value): Value {
  if (word.startsWith('"')) return word.slice(1, -1);
  if (word === '.') return dot;
  if (!word.startsWith('.')) throw new Error(`function "${word}" not defined`);
  let value = dot;
  for (const key of word.slice(1).split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !(key in value))
      throw new Error(`can't evaluate field ${key}`);
    value = (value as Record<string, Value>)[key];
  }
  return value;
}
