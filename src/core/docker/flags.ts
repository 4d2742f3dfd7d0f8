/**
 * Docker-style flag parsing (pflag): `-t x`, `-tx`, `--tag=x`, `-dp 8000:8000`, repeated flags,
 * with the CLI's own messages for an unknown flag or a missing value. The simulator's commands and
 * the WebContainer bridge read a command line with it.
 */

export interface FlagSpec {
  /** canonical name, e.g. `tag` */
  name: string;
  short?: string;
  long: string[];
  value: boolean;
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  bools: Set<string>;
  positionals: string[];
}

export function parseFlags(
  args: string[],
  specs: readonly FlagSpec[],
  command: string,
  stopAtPositional = false,
): ParsedFlags | string {
  const out: ParsedFlags = { values: new Map(), bools: new Set(), positionals: [] };
  const add = (spec: FlagSpec, value: string | undefined) => {
    if (spec.value) out.values.set(spec.name, [...(out.values.get(spec.name) ?? []), value ?? '']);
    else out.bools.add(spec.name);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const spec = specs.find((s) => s.long.includes(name));
      if (!spec) return `unknown flag: --${name}\nSee '${command} --help'.`;
      if (spec.value && inline === undefined && i + 1 >= args.length)
        return `flag needs an argument: --${name}\nSee '${command} --help'.`;
      add(spec, spec.value ? (inline ?? args[++i]) : undefined);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const spec = specs.find((s) => s.short === a[k]);
        if (!spec) return `unknown shorthand flag: '${a[k]}' in ${a}\nSee '${command} --help'.`;
        if (spec.value) {
          const rest = a.slice(k + 1).replace(/^=/, '');
          if (!rest && i + 1 >= args.length)
            return `flag needs an argument: '${a[k]}' in -${a[k]}\nSee '${command} --help'.`;
          add(spec, rest || args[++i]);
          break;
        }
        add(spec, undefined);
      }
    } else {
      out.positionals.push(a);
      if (stopAtPositional) {
        out.positionals.push(...args.slice(i + 1));
        break;
      }
    }
  }
  return out;
}

export const flag = (name: string, long: string[], short?: string, value = false): FlagSpec => ({
  name,
  long,
  value,
  ...(short ? { short } : {}),
});

/** The `docker run` options the course's simulator reads (and the WebContainer bridge looks at). */
export const RUN_FLAGS: readonly FlagSpec[] = [
  flag('detach', ['detach'], 'd'),
  flag('publish', ['publish'], 'p', true),
  flag('publishAll', ['publish-all'], 'P'),
  flag('name', ['name'], undefined, true),
  flag('rm', ['rm']),
  flag('env', ['env'], 'e', true),
  flag('interactive', ['interactive'], 'i'),
  flag('tty', ['tty'], 't'),
];
