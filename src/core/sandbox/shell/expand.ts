/**
 * Word expansion as bash does it: `~`, parameters (`$X`, `${X:-word}`, `${#X}`, `${X%pattern}`…),
 * `$(…)` and backticks, `$((…))`; then the unquoted results are split into fields on blanks
 * (so `docker rm -f $(docker ps -aq)` gets one argument per ID) and unquoted `*`/`?` glob.
 * A quoted expansion stays one field, an unquoted empty one disappears.
 */
import type { Vfs } from '../host/vfs.ts';
import { resolvePath } from '../../text/index.ts';
import type { ShellState } from '../commands/types.ts';
import type { Gap } from '../not-simulated.ts';
import { readDouble, type Word, type WordPart } from './lex.ts';
import { GAP } from './gaps.ts';

export interface Expander {
  shell: ShellState;
  fs: Vfs;
  /** runs the script of a `$(…)` in a subshell; resolves to what it printed on stdout */
  substitute(script: string): Promise<string>;
}

/** Why a word could not be expanded: bash's own error (status 1), or something not simulated. */
export type ExpandFailure = { error: string } | { gap: Gap; shown: string };

type Value = string | ExpandFailure;

/** The fields of several words, in order. */
export async function expandWords(words: Word[], x: Expander): Promise<string[] | ExpandFailure> {
  const out: string[] = [];
  for (const word of words) {
    const values = await partValues(word, x);
    if (!Array.isArray(values)) return values;
    out.push(...fields(word, values, x.shell, x.fs));
  }
  return out;
}

/** One word as one string, nothing split or globbed: an assignment's value, a redirect target. */
export async function expandString(word: Word, x: Expander): Promise<string | ExpandFailure> {
  const values = await partValues(word, x);
  if (!Array.isArray(values)) return values;
  return tilde(word, values, x.shell).join('');
}

/** A here-document body with an unquoted delimiter: expanded as if double-quoted. */
export async function expandHeredoc(body: string, x: Expander): Promise<string | ExpandFailure> {
  const parts = readDouble(body, 0, null)?.parts ?? [{ text: body, quote: 'single' as const }];
  const values = await partValues(parts, x);
  return Array.isArray(values) ? values.join('') : values;
}

/**
 * Without a shell to run substitutions in (reading a container's `sh -c` command line): a
 * substitution is kept as typed, a failure expands to the word as typed.
 */
export function expandWord(word: Word, shell: ShellState, fs: Vfs): string[] {
  const values: string[] = [];
  for (const part of word) {
    const v =
      part.kind === 'command' || part.kind === 'arith'
        ? (part.raw ?? part.text)
        : valueOf(part, shell);
    if (typeof v !== 'string') return [word.map((p) => p.raw ?? p.text).join('')];
    values.push(v);
  }
  return fields(word, values, shell, fs);
}

async function partValues(word: Word, x: Expander): Promise<string[] | ExpandFailure> {
  const values: string[] = [];
  for (const part of word) {
    const v =
      part.kind === 'command'
        ? await x.substitute(part.text)
        : part.kind === 'arith'
          ? await arithmetic(part, x.shell)
          : valueOf(part, x.shell);
    if (typeof v !== 'string') return v;
    values.push(part.kind === 'command' ? v.replace(/\n+$/, '') : v);
  }
  return values;
}

function valueOf(part: WordPart, shell: ShellState): Value {
  if (part.kind === 'param') return parameter(part.text, part.raw ?? part.text, shell);
  return part.text;
}

/** `$((…))`; its evaluator loads the first time one is used. */
async function arithmetic(part: WordPart, shell: ShellState): Promise<Value> {
  const inner = expandInside(part.text, shell);
  if (typeof inner !== 'string') return inner;
  const { evaluateArithmetic } = await import('./arith.ts');
  const r = evaluateArithmetic(inner, (name) => shell.env.get(name));
  if ('unsupported' in r) return { gap: GAP.arithmeticAssignment, shown: part.raw ?? part.text };
  return 'error' in r ? { error: `bash: ${r.error}` } : String(r.value);
}

/** Parameters inside an arithmetic expression or a `${X:-word}` word. */
function expandInside(text: string, shell: ShellState): Value {
  const parts = readDouble(text, 0, null)?.parts;
  if (!parts) return text;
  let out = '';
  for (const p of parts) {
    if (p.kind === 'command') return { gap: GAP.nestedSubstitution, shown: p.raw ?? p.text };
    const v = valueOf(p, shell);
    if (typeof v !== 'string') return v;
    out += v;
  }
  return out;
}

function special(name: string, shell: ShellState): string | undefined {
  const args = shell.args ?? [];
  if (name === '?') return String(shell.lastExit);
  if (name === '0') return shell.argv0 ?? 'bash';
  if (name === '#') return String(args.length);
  if (name === '@' || name === '*') return args.join(' ');
  if (name === '$') return String(shell.pid ?? 1);
  if (name === '!')
    return shell.lastBackground === undefined ? undefined : String(shell.lastBackground);
  if (name === '-') return 'himBHs';
  if (/^\d+$/.test(name)) return args[Number(name) - 1];
  return shell.env.get(name);
}

const BRACED =
  /^(#?)([A-Za-z_][A-Za-z0-9_]*|\d+|[?#@*$!-])(?:(:?[-=+?])([\s\S]*)|(##?|%%?)([\s\S]*)|\/(\/?)([^/]*)(?:\/([\s\S]*))?)?$/;

/** `$X` or the inside of `${…}`. */
function parameter(text: string, raw: string, shell: ShellState): Value {
  if (!raw.startsWith('${')) return special(text, shell) ?? '';
  const m = BRACED.exec(text);
  if (!m) {
    // Forms bash has and the sandbox does not: case changes, substrings, indirection, arrays, @Q.
    if (/^!|^[A-Za-z_]\w*(\[|:[\s\d-]|\^|,|@)/.test(text))
      return { gap: GAP.parameterOperations, shown: raw };
    return { error: `bash: ${raw}: bad substitution` };
  }
  const [, length, name, op, word, trim, pattern, all, from, to] = m;
  const value = special(name!, shell);
  if (length) {
    if (op || trim || from !== undefined) return { error: `bash: ${raw}: bad substitution` };
    return String((value ?? '').length);
  }
  if (op) {
    const set = value !== undefined && (!op.startsWith(':') || value !== '');
    const kind = op.slice(-1);
    if (kind === '+') return set ? expandInside(word!, shell) : '';
    if (set) return value;
    const fallback = expandInside(word!, shell);
    if (typeof fallback !== 'string') return fallback;
    if (kind === '=') {
      if (!/^[A-Za-z_]/.test(name!)) return { error: `bash: $${name}: cannot assign in this way` };
      shell.env.set(name!, fallback);
    }
    if (kind === '?') return { error: `bash: ${name}: ${fallback || 'parameter null or not set'}` };
    return fallback;
  }
  const v = value ?? '';
  if (trim) {
    const p = expandInside(pattern!, shell);
    if (typeof p !== 'string') return p;
    return trimPattern(v, p, trim);
  }
  if (from !== undefined) {
    const p = expandInside(from, shell);
    const r = expandInside(to ?? '', shell);
    if (typeof p !== 'string') return p;
    if (typeof r !== 'string') return r;
    if (p === '') return v;
    const re = new RegExp(globSource(p), all ? 'g' : '');
    return v.replace(re, () => r);
  }
  return v;
}

/** `#`/`##` remove the shortest/longest matching prefix, `%`/`%%` the suffix. */
function trimPattern(value: string, pattern: string, op: string): string {
  const re = new RegExp(`^${globSource(pattern)}$`);
  const n = value.length;
  const lengths = op.length === 1 ? [...Array(n + 1).keys()] : [...Array(n + 1).keys()].reverse();
  for (const len of lengths) {
    if (op.startsWith('#') && re.test(value.slice(0, len))) return value.slice(len);
    if (op.startsWith('%') && re.test(value.slice(n - len))) return value.slice(0, n - len);
  }
  return value;
}

function tilde(word: Word, values: string[], shell: ShellState): string[] {
  const first = word[0];
  const v = values[0];
  if (
    first?.quote === 'none' &&
    !first.kind &&
    v !== undefined &&
    (v === '~' || v.startsWith('~/'))
  )
    return [shell.home + v.slice(1), ...values.slice(1)];
  return values;
}

/** Field splitting and globbing over the expanded parts of one word. */
function fields(word: Word, rawValues: string[], shell: ShellState, fs: Vfs): string[] {
  const values = tilde(word, rawValues, shell);
  const out: { text: string; pattern: string; glob: boolean }[] = [];
  let cur: { text: string; pattern: string; glob: boolean } | null = null;
  const add = (text: string, quoted: boolean) => {
    cur ??= { text: '', pattern: '', glob: false };
    cur.text += text;
    cur.pattern += quoted ? text.replace(/[*?[\]\\]/g, '\\$&') : text;
    if (!quoted && /[*?]/.test(text)) cur.glob = true;
  };
  word.forEach((part, i) => {
    const value = values[i]!;
    if (part.quote !== 'none') {
      add(value, true);
      return;
    }
    if (!part.kind) {
      add(value, false);
      return;
    }
    value.split(/[ \t\n]+/).forEach((piece, k) => {
      if (k > 0 && cur) {
        out.push(cur);
        cur = null;
      }
      if (piece !== '') add(piece, false);
    });
  });
  if (cur) out.push(cur);
  return out.flatMap((f) => {
    if (!f.glob) return [f.text];
    const matches = glob(f.pattern, shell.cwd, fs);
    return matches.length ? matches : [f.text];
  });
}

function glob(pattern: string, cwd: string, fs: Vfs): string[] {
  const slash = pattern.lastIndexOf('/');
  const dir = slash >= 0 ? pattern.slice(0, slash + 1) : '';
  const base = pattern.slice(slash + 1);
  const names = fs.list(resolvePath(cwd, dir || '.'));
  if (typeof names === 'string') return [];
  const re = globToRegExp(base);
  return names
    .filter((n) => re.test(n) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dir + n);
}

/** `*` and `?` within one path segment; `\x` is a literal x. */
export function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${globSource(pattern, '[^/]')}$`);
}

/** A glob as a regular expression's source: `*` any text, `?` one character, `\x` a literal x. */
function globSource(pattern: string, any = '[\\s\\S]'): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]!);
    else if (c === '*') re += `${any}*`;
    else if (c === '?') re += any;
    else re += escape(c);
  }
  return re;
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
