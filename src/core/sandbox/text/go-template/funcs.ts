/**
 * The functions a Docker `--format` template can call: text/template's builtins (funcs.go) and
 * the CLI's own (docker/cli templates/templates.go: json, split, join, title, lower, upper, pad,
 * truncate), each with Go's parameter types, so a wrong argument fails as it does in Go.
 */
import { formatGo } from './printf.ts';
import {
  concrete,
  formatValue,
  indirect,
  NO_VALUE,
  T,
  toJson,
  truth,
  typeName,
  type GoType,
  type GoValue,
} from './values.ts';

export interface GoFunction {
  params: (GoType | 'any')[];
  variadic?: boolean;
  call(args: GoValue[]): GoValue;
  /** and/or: arguments evaluated only as far as needed */
  lazy?: (args: (() => GoValue)[]) => GoValue;
}

/** A function's error; the executor prints it as `error calling NAME: …`. */
export class FuncError extends Error {}

const str = (raw: string): GoValue => ({ type: T.string, raw });
const bool = (raw: boolean): GoValue => ({ type: T.bool, raw });
const fn = (
  params: (GoType | 'any')[],
  call: (args: GoValue[]) => GoValue,
  variadic = false,
): GoFunction => ({
  params,
  call,
  variadic,
});
const STRINGS = T.slice(T.string);

function lengthOf(v0: GoValue): number {
  const c = concrete(v0);
  if (!c.type) throw new FuncError('len of untyped nil');
  const v = indirect(c);
  if (!v) throw new FuncError('len of nil pointer');
  const k = v.type!.kind;
  if (k === 'string') return new TextEncoder().encode(String(v.raw)).length;
  if (k === 'slice') return ((v.raw as unknown[] | null) ?? []).length;
  if (k === 'map') return Object.keys((v.raw as object | null) ?? {}).length;
  throw new FuncError(`len of type ${typeName(v.type)}`);
}

function index(item0: GoValue, indexes: GoValue[]): GoValue {
  let item = concrete(item0);
  if (!item.type) throw new FuncError('index of untyped nil');
  for (const index0 of indexes) {
    const key = concrete(index0);
    const target = indirect(item);
    if (!target) throw new FuncError('index of nil pointer');
    item = target;
    const t = item.type!;
    if (t.kind === 'slice' || t.kind === 'string') {
      if (!key.type) throw new FuncError('cannot index slice/array with nil');
      if (key.type.kind !== 'int' && key.type.kind !== 'uint')
        throw new FuncError(`cannot index slice/array with type ${typeName(key.type)}`);
      const x = Number(key.raw);
      const list =
        t.kind === 'string'
          ? [...new TextEncoder().encode(String(item.raw))]
          : ((item.raw as unknown[] | null) ?? []);
      if (x < 0 || x >= list.length) throw new FuncError(`index out of range: ${x}`);
      item =
        t.kind === 'slice'
          ? { type: t.elem, raw: list[x] }
          : { type: { kind: 'uint', name: 'uint8' }, raw: list[x] };
    } else if (t.kind === 'map') {
      if (!key.type || key.type.kind !== 'string')
        throw new FuncError(`value has type ${typeName(key.type)}; should be string`);
      const map = (item.raw as Record<string, unknown> | null) ?? {};
      item = {
        type: t.elem,
        raw: Object.hasOwn(map, String(key.raw)) ? map[String(key.raw)] : null,
      };
    } else throw new FuncError(`can't index item of type ${typeName(t)}`);
  }
  return item;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other' | 'nil';
function basicKind(v0: GoValue): Kind {
  const v = concrete(v0);
  if (!v.type) return 'nil';
  const k = v.type.kind;
  if (k === 'bool' || k === 'string') return k;
  if (k === 'number') return 'string';
  if (k === 'int' || k === 'uint') return 'int';
  if (k === 'float') return 'float';
  return 'other';
}

function compare(a: GoValue, b: GoValue, op: 'eq' | 'lt'): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (op === 'eq' && (ka === 'nil' || kb === 'nil')) return ka === kb;
  if (ka === 'other' || kb === 'other')
    throw new FuncError(
      op === 'eq' ? 'incompatible types for comparison' : 'invalid type for comparison',
    );
  if (ka !== kb) throw new FuncError('incompatible types for comparison');
  if (op === 'lt' && ka === 'bool') throw new FuncError('invalid type for comparison');
  const x = concrete(a).raw as number | string;
  const y = concrete(b).raw as number | string;
  return op === 'eq' ? x === y : x < y;
}

/** fmt.Sprint: a space between operands when neither is a string. */
function sprint(args: GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    const isString = (v: GoValue) => concrete(v).type?.kind === 'string';
    if (i > 0 && !isString(a) && !isString(args[i - 1]!)) out += ' ';
    out += formatValue(concrete(a), 0).replace(/^<no value>$/, '<nil>');
  });
  return out;
}

export const FUNCTIONS: Record<string, GoFunction> = {
  and: {
    params: ['any'],
    variadic: true,
    call: () => NO_VALUE,
    lazy: (args) => {
      let v = NO_VALUE;
      for (const a of args) if (!truth((v = a()))) return v;
      return v;
    },
  },
  or: {
    params: ['any'],
    variadic: true,
    call: () => NO_VALUE,
    lazy: (args) => {
      let v = NO_VALUE;
      for (const a of args) if (truth((v = a()))) return v;
      return v;
    },
  },
  not: fn(['any'], ([a]) => bool(!truth(a!))),
  len: fn(['any'], ([a]) => ({ type: T.int, raw: lengthOf(a!) })),
  index: fn(['any', 'any'], ([item, ...rest]) => index(item!, rest), true),
  print: fn(['any'], (args) => str(sprint(args)), true),
  println: fn(
    ['any'],
    (args) =>
      str(
        `${args.map((a) => formatValue(concrete(a), 0).replace(/^<no value>$/, '<nil>')).join(' ')}\n`,
      ),
    true,
  ),
  printf: fn(
    [T.string, 'any'],
    ([format, ...args]) => str(formatGo(String(format!.raw), args)),
    true,
  ),
  eq: fn(
    ['any', 'any'],
    ([a, ...rest]) => {
      if (rest.length === 0) throw new FuncError('missing argument for comparison');
      return bool(rest.some((b) => compare(a!, b, 'eq')));
    },
    true,
  ),
  ne: fn(['any', 'any'], ([a, b]) => bool(!compare(a!, b!, 'eq'))),
  lt: fn(['any', 'any'], ([a, b]) => bool(compare(a!, b!, 'lt'))),
  le: fn(['any', 'any'], ([a, b]) => bool(compare(a!, b!, 'lt') || compare(a!, b!, 'eq'))),
  gt: fn(['any', 'any'], ([a, b]) => bool(!compare(a!, b!, 'lt') && !compare(a!, b!, 'eq'))),
  ge: fn(['any', 'any'], ([a, b]) => bool(!compare(a!, b!, 'lt'))),
  html: fn(
    ['any'],
    (args) =>
      str(
        sprint(args)
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&#34;')
          .replace(/'/g, '&#39;'),
      ),
    true,
  ),
  urlquery: fn(['any'], (args) => str(encodeURIComponent(sprint(args)).replace(/%20/g, '+')), true),
  js: fn(
    ['any'],
    (args) =>
      str(
        sprint(args).replace(/[\\'"<>&=]/g, (c) =>
          c === '\\' || c === "'" || c === '"'
            ? `\\${c}`
            : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        ),
      ),
    true,
  ),
  // docker/cli templates/templates.go
  json: fn(['any'], ([v]) => str(toJson(v!))),
  split: fn([T.string, T.string], ([s, sep]) => ({
    type: STRINGS,
    raw: goSplit(String(s!.raw), String(sep!.raw)),
  })),
  join: fn([STRINGS, T.string], ([list, sep]) =>
    str(((list!.raw as string[] | null) ?? []).join(String(sep!.raw))),
  ),
  title: fn([T.string], ([s]) =>
    str(
      String(s!.raw).replace(
        /(^|[^\p{L}\p{N}_'])(\p{L})/gu,
        (_, p: string, c: string) => p + c.toUpperCase(),
      ),
    ),
  ),
  lower: fn([T.string], ([s]) => str(String(s!.raw).toLowerCase())),
  upper: fn([T.string], ([s]) => str(String(s!.raw).toUpperCase())),
  pad: fn([T.string, T.int, T.int], ([s, prefix, suffix]) => {
    const text = String(s!.raw);
    return str(
      text === '' ? '' : ' '.repeat(Number(prefix!.raw)) + text + ' '.repeat(Number(suffix!.raw)),
    );
  }),
  truncate: fn([T.string, T.int], ([s, n]) => {
    const text = String(s!.raw);
    return str(text.length < Number(n!.raw) ? text : text.slice(0, Number(n!.raw)));
  }),
};

/** strings.Split: an empty separator splits after each character. */
function goSplit(s: string, sep: string): string[] {
  return sep === '' ? [...s] : s.split(sep);
}

/** For a table's header row the CLI swaps the string functions for ones returning their argument. */
export const HEADER_FUNCTIONS: Record<string, GoFunction> = {
  ...FUNCTIONS,
  json: fn([T.string], ([v]) => v!),
  split: fn([T.string, T.string], ([v]) => v!),
  join: fn([T.string, T.string], ([v]) => v!),
  title: fn([T.string], ([v]) => v!),
  lower: fn([T.string], ([v]) => v!),
  upper: fn([T.string], ([v]) => v!),
  truncate: fn([T.string, T.int], ([v]) => v!),
};
