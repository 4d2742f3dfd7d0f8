/**
 * Flags as the Docker CLI reads them (cobra over spf13/pflag): `--name value`, `--name=value`,
 * `-n value`, `-nvalue`, `-n=value`, bundled booleans (`-dit`, `-dp 8000:8000`), `--bool=false`,
 * repeated list flags, `--` to end the flags, and flags after positionals unless the command
 * stops at its first positional (`run`, `exec`: what follows is the container's command).
 * Errors are pflag's words (`unknown flag: --foo`, `flag needs an argument: 'n' in -n`,
 * `invalid argument "x" for "-n, --last" flag: …`); the caller adds Docker's usage lines.
 */

export type FlagKind = 'bool' | 'string' | 'int' | 'list';

export interface FlagSpec {
  /** the long name without dashes, `publish` */
  long: string;
  short?: string;
  kind: FlagKind;
}

export interface ParsedFlags {
  /** by long name: the last value of a string/int flag, every value of a list flag, 'true'/'false' for a bool */
  values: Map<string, string[]>;
  positionals: string[];
  /** long names in the order given, for "not simulated" checks */
  given: string[];
}

export const bool = (long: string, short?: string): FlagSpec => ({
  long,
  kind: 'bool',
  ...(short ? { short } : {}),
});
export const str = (long: string, short?: string): FlagSpec => ({
  long,
  kind: 'string',
  ...(short ? { short } : {}),
});
export const int = (long: string, short?: string): FlagSpec => ({
  long,
  kind: 'int',
  ...(short ? { short } : {}),
});
export const list = (long: string, short?: string): FlagSpec => ({
  long,
  kind: 'list',
  ...(short ? { short } : {}),
});

/** A flag's value accessors over a parse result. */
export function reader(parsed: ParsedFlags) {
  return {
    has: (long: string) => parsed.values.has(long),
    bool: (long: string) => parsed.values.get(long)?.at(-1) === 'true',
    string: (long: string) => parsed.values.get(long)?.at(-1),
    int: (long: string) => {
      const v = parsed.values.get(long)?.at(-1);
      return v === undefined ? undefined : Number(v);
    },
    list: (long: string) => parsed.values.get(long) ?? [],
    positionals: parsed.positionals,
    given: parsed.given,
  };
}
export type FlagReader = ReturnType<typeof reader>;

const BOOL_WORDS: Record<string, string> = {
  '1': 'true',
  t: 'true',
  T: 'true',
  true: 'true',
  TRUE: 'true',
  True: 'true',
  '0': 'false',
  f: 'false',
  F: 'false',
  false: 'false',
  FALSE: 'false',
  False: 'false',
};

/** How pflag names a flag in a value error: `-n, --last` or `--tail`. */
const flagName = (spec: FlagSpec) =>
  spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;

function checkValue(spec: FlagSpec, value: string): string | null {
  if (spec.kind === 'bool' && !(value in BOOL_WORDS))
    return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagName(spec))} flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`;
  if (spec.kind === 'int' && !/^[+-]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|[1-9][0-9]*)$/.test(value))
    return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagName(spec))} flag: strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`;
  return null;
}

/**
 * Parses `args` against `specs`. `interspersed: false` stops at the first positional (what
 * follows belongs to the container). Returns pflag's error message on a bad flag.
 */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
  interspersed = true,
): ParsedFlags | { error: string } {
  const out: ParsedFlags = { values: new Map(), positionals: [], given: [] };
  const set = (spec: FlagSpec, value: string): string | null => {
    const bad = checkValue(spec, value);
    if (bad) return bad;
    const v = spec.kind === 'bool' ? BOOL_WORDS[value]! : value;
    const previous = spec.kind === 'list' ? (out.values.get(spec.long) ?? []) : [];
    out.values.set(spec.long, [...previous, v]);
    if (!out.given.includes(spec.long)) out.given.push(spec.long);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (spec.kind === 'bool') value = 'true';
      else if (i + 1 < args.length) value = args[++i]!;
      else return { error: `flag needs an argument: --${name}` };
      const bad = set(spec, value);
      if (bad) return { error: bad };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const spec = specs.find((s) => s.short === c);
        if (!spec) return { error: `unknown shorthand flag: '${c}' in ${a}` };
        let value: string;
        if (a[k + 1] === '=') value = a.slice(k + 2);
        else if (spec.kind === 'bool') {
          const bad = set(spec, 'true');
          if (bad) return { error: bad };
          continue;
        } else if (k + 1 < a.length) value = a.slice(k + 1);
        else if (i + 1 < args.length) value = args[++i]!;
        else return { error: `flag needs an argument: '${c}' in -${c}` };
        const bad = set(spec, value);
        if (bad) return { error: bad };
        break;
      }
      continue;
    }
    out.positionals.push(a);
    if (!interspersed) {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
  }
  return out;
}

/** The `docker run` options the course's simulator reads (and the WebContainer bridge looks at). */
export const RUN_FLAGS: readonly FlagSpec[] = [
  bool('detach', 'd'),
  list('publish', 'p'),
  bool('publish-all', 'P'),
  str('name'),
  bool('rm'),
  list('env', 'e'),
  bool('interactive', 'i'),
  bool('tty', 't'),
];
