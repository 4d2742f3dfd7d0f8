/**
 * Go values as a template sees them: a JSON-shaped raw value (what `docker inspect` prints) read
 * through a Go type (struct fields in order, maps, slices, pointers, `interface{}`), so `{{.State}}`
 * prints a struct as Go does (`{running true …}`), `{{.Config.ExposedPorts}}` a map
 * (`map[8000/tcp:{}]`) and `{{json .State}}` the JSON. Raw JSON without a type reads as Go's
 * `map[string]interface {}`, as the CLI's fallback decoding gives it.
 */

export interface GoField {
  /** the Go field name templates use (`.State`, `.ID`) */
  name: string;
  /** the key in the JSON (`Id` for the field `ID`) */
  json: string;
  type: GoType;
}

export interface GoMethod {
  /** parameter types (string for every method the CLI's contexts take) */
  params: GoType[];
  result: GoType;
  call(receiver: unknown, args: unknown[]): unknown;
}

export type GoType =
  | { kind: 'string' | 'bool' | 'int' | 'uint' | 'float'; name: string }
  /** encoding/json's Number: a string kind holding the number as written */
  | { kind: 'number' }
  | {
      kind: 'struct';
      name: string;
      fields: GoField[];
      methods?: Record<string, GoMethod>;
      /** what encoding/json prints for it, when the type has its own MarshalJSON */
      marshal?: (raw: unknown) => unknown;
    }
  | { kind: 'map'; name?: string; elem: GoType }
  | { kind: 'slice'; name?: string; elem: GoType }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'iface' };

/** A value: its type (null: Go's invalid value, "no value") and its raw JSON-shaped data. */
export interface GoValue {
  type: GoType | null;
  raw: unknown;
}

export const T = {
  string: { kind: 'string', name: 'string' } as GoType,
  bool: { kind: 'bool', name: 'bool' } as GoType,
  int: { kind: 'int', name: 'int' } as GoType,
  int64: { kind: 'int', name: 'int64' } as GoType,
  uint64: { kind: 'uint', name: 'uint64' } as GoType,
  float64: { kind: 'float', name: 'float64' } as GoType,
  iface: { kind: 'iface' } as GoType,
  ptr: (elem: GoType): GoType => ({ kind: 'ptr', elem }),
  slice: (elem: GoType, name?: string): GoType => ({
    kind: 'slice',
    elem,
    ...(name ? { name } : {}),
  }),
  map: (elem: GoType, name?: string): GoType => ({ kind: 'map', elem, ...(name ? { name } : {}) }),
  /** a struct whose Go field names equal its JSON keys, except those given as `Go:Json` */
  struct: (name: string, fields: [string, GoType][]): GoType => ({
    kind: 'struct',
    name,
    fields: fields.map(([n, type]) => {
      const [go, json] = n.split(':') as [string, string | undefined];
      return { name: go, json: json ?? go, type };
    }),
  }),
};

export const NO_VALUE: GoValue = { type: null, raw: undefined };

export function typeName(t: GoType | null): string {
  if (!t) return '<nil>';
  switch (t.kind) {
    case 'number':
      return 'json.Number';
    case 'struct':
      return t.name;
    case 'map':
      return t.name ?? `map[string]${typeName(t.elem)}`;
    case 'slice':
      return t.name ?? `[]${typeName(t.elem)}`;
    case 'ptr':
      return `*${typeName(t.elem)}`;
    case 'iface':
      return 'interface {}';
    default:
      return t.name;
  }
}

/** The dynamic value inside an `interface{}` (decoded JSON), or the value itself. */
export function concrete(v: GoValue): GoValue {
  if (v.type?.kind !== 'iface') return v;
  const raw = v.raw;
  if (raw === null || raw === undefined) return NO_VALUE;
  if (Array.isArray(raw)) return { type: T.slice(T.iface), raw };
  if (typeof raw === 'object') return { type: T.map(T.iface), raw };
  if (typeof raw === 'string') return { type: T.string, raw };
  if (typeof raw === 'number') return { type: { kind: 'number' }, raw };
  if (typeof raw === 'boolean') return { type: T.bool, raw };
  return NO_VALUE;
}

/** Follows a pointer (null when it is nil). */
export function indirect(v: GoValue): GoValue | null {
  if (v.type?.kind !== 'ptr') return v;
  if (v.raw === null || v.raw === undefined) return null;
  return { type: v.type.elem, raw: v.raw };
}

export function isNil(v: GoValue): boolean {
  const k = v.type?.kind;
  return (
    !v.type ||
    ((k === 'ptr' || k === 'map' || k === 'slice' || k === 'iface') &&
      (v.raw === null || v.raw === undefined))
  );
}

/** Go's truth for `if`, `with`, `and`, `or`, `not`: zero values are false. */
export function truth(v: GoValue): boolean {
  const c = concrete(v);
  if (!c.type) return false;
  switch (c.type.kind) {
    case 'bool':
      return c.raw === true;
    case 'string':
      return c.raw !== '';
    case 'number':
    case 'int':
    case 'uint':
    case 'float':
      return Number(c.raw) !== 0;
    case 'map':
      return !!c.raw && Object.keys(c.raw).length > 0;
    case 'slice':
      return Array.isArray(c.raw) && c.raw.length > 0;
    case 'ptr':
      return c.raw !== null && c.raw !== undefined;
    default:
      return true;
  }
}

/** Go's `fmt.Sprint` (%v) of a value; `depth` > 0 inside a struct, map or slice. */
export function formatValue(v: GoValue, depth = 0): string {
  if (v.type?.kind === 'iface') {
    const c = concrete(v);
    return c.type ? formatValue(c, depth) : '<nil>';
  }
  const t = v.type;
  if (!t) return depth === 0 ? '<no value>' : '<nil>';
  const raw = v.raw;
  switch (t.kind) {
    case 'string':
      return String(raw ?? '');
    case 'number':
      return String(raw);
    case 'bool':
      return String(raw === true);
    case 'int':
    case 'uint':
      return String(raw ?? 0);
    case 'float':
      return formatFloat(Number(raw ?? 0));
    case 'ptr':
      if (raw === null || raw === undefined) return '<nil>';
      // fmt prints &{…} for a pointer it is handed, an address for one inside another value.
      return depth === 0 ? `&${formatValue({ type: t.elem, raw }, depth)}` : '0xc000010000';
    case 'slice':
      return `[${((raw as unknown[] | null) ?? []).map((e) => formatValue({ type: t.elem, raw: e }, depth + 1)).join(' ')}]`;
    case 'map': {
      const entries = Object.entries((raw as Record<string, unknown> | null) ?? {}).sort(
        ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0),
      );
      return `map[${entries.map(([k, e]) => `${k}:${formatValue({ type: t.elem, raw: e }, depth + 1)}`).join(' ')}]`;
    }
    case 'struct': {
      const obj = (raw ?? {}) as Record<string, unknown>;
      return `{${t.fields.map((f) => formatValue(zeroIfMissing(f.type, obj[f.json]), depth + 1)).join(' ')}}`;
    }
  }
}

/** A struct field the JSON left out (omitempty) is its type's zero value. */
export function zeroIfMissing(type: GoType, raw: unknown): GoValue {
  if (raw !== undefined) return { type, raw };
  switch (type.kind) {
    case 'string':
      return { type, raw: '' };
    case 'bool':
      return { type, raw: false };
    case 'int':
    case 'uint':
    case 'float':
      return { type, raw: 0 };
    case 'struct':
      return { type, raw: {} };
    default:
      return { type, raw: null };
  }
}

/** strconv.FormatFloat(f, 'g', -1, 64), which %v uses: exponent form from 1e6 and below 1e-4. */
export function formatFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 6) {
    const [mantissa, e] = f.toExponential().split('e') as [string, string];
    const n = Number(e);
    return `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** encoding/json of a value, as the CLI's `json` function prints it (no HTML escaping). */
export function toJson(v: GoValue): string {
  const c = v;
  if (!c.type) return 'null';
  const t = c.type.kind === 'ptr' ? c.type.elem : c.type;
  const own = t.kind === 'struct' ? t.marshal : undefined;
  const data = own ? own(c.raw) : c.raw;
  // A type's own MarshalJSON uses json.Marshal, which escapes <, > and & (`\u003cnone\u003e`).
  return goJson(data ?? null, '', !!own);
}

/** JSON as Go writes it: compact, map keys in order as given, U+2028/U+2029 escaped (and HTML's characters, as json.Marshal does, when asked). */
export function goJson(data: unknown, indent = '', escapeHtml = false): string {
  const text = indent ? JSON.stringify(data, null, indent) : JSON.stringify(data);
  const out = (text ?? 'null').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return escapeHtml
    ? out.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    : out;
}
