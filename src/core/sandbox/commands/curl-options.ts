/**
 * curl's command line, read as curl 7.88 reads it: short options bundled (`-sSL`, `-XPOST`,
 * `-so out.txt`), long options by their name or an unambiguous prefix, `--no-` before a switch,
 * and every other word a URL. An option curl knows but the sandbox does not do is reported as such
 * (the caller prints the "not simulated" line); a word curl does not know gets curl's own message.
 */
import { CURL_OPTIONS, type KnownOption } from './curl-known-options.ts';

export type DataKind = 'data' | 'ascii' | 'binary' | 'raw' | 'urlencode' | 'json';

export interface CurlOptions {
  include: boolean;
  head: boolean;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  fail: boolean;
  failWithBody: boolean;
  location: boolean;
  /** -X: the request line's method, whatever else the options imply */
  method: string | null;
  /** -H, in order, as typed (`Name: value`, `Name:` removes, `Name;` sends it empty) */
  headers: string[];
  data: { kind: DataKind; value: string }[];
  writeOut: string | null;
  output: string | null;
  maxTimeSeconds: number | null;
  userAgent: string | null;
  urls: string[];
}

export type Parsed =
  | { ok: true; options: CurlOptions }
  | { ok: false; message: string }
  | { ok: false; unsupported: string };

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";

/** What the sandbox does with each option it supports. */
const SUPPORTED: Record<string, (o: CurlOptions, value: string, on: boolean) => string | void> = {
  include: (o, _, on) => void (o.include = on),
  head: (o, _, on) => void (o.head = on),
  silent: (o, _, on) => void (o.silent = on),
  'show-error': (o, _, on) => void (o.showError = on),
  verbose: (o, _, on) => void (o.verbose = on),
  fail: (o, _, on) => void (o.fail = on),
  'fail-with-body': (o, _, on) => void (o.failWithBody = on),
  location: (o, _, on) => void (o.location = on),
  request: (o, v) => void (o.method = v),
  header: (o, v) => void o.headers.push(v),
  data: (o, v) => void o.data.push({ kind: 'data', value: v }),
  'data-ascii': (o, v) => void o.data.push({ kind: 'ascii', value: v }),
  'data-binary': (o, v) => void o.data.push({ kind: 'binary', value: v }),
  'data-raw': (o, v) => void o.data.push({ kind: 'raw', value: v }),
  'data-urlencode': (o, v) => void o.data.push({ kind: 'urlencode', value: v }),
  json: (o, v) => void o.data.push({ kind: 'json', value: v }),
  'write-out': (o, v) => void (o.writeOut = v),
  output: (o, v) => void (o.output = v),
  'user-agent': (o, v) => void (o.userAgent = v),
  'max-time': (o, v) => {
    if (!/^\d*\.?\d+$|^\d+\.$/.test(v)) return 'expected a proper numerical parameter';
    o.maxTimeSeconds = Number(v);
    return undefined;
  },
  // The sandbox's servers speak HTTP/1.1 only, so asking for it changes nothing.
  'http1.1': () => undefined,
};

function fresh(): CurlOptions {
  return {
    include: false,
    head: false,
    silent: false,
    showError: false,
    verbose: false,
    fail: false,
    failWithBody: false,
    location: false,
    method: null,
    headers: [],
    data: [],
    writeOut: null,
    output: null,
    maxTimeSeconds: null,
    userAgent: null,
    urls: [],
  };
}

function byLong(word: string): KnownOption | 'ambiguous' | null {
  const exact = CURL_OPTIONS.find((o) => o.long === word);
  if (exact) return exact;
  const prefixed = CURL_OPTIONS.filter((o) => o.long.startsWith(word));
  return prefixed.length === 1 ? prefixed[0]! : prefixed.length > 1 ? 'ambiguous' : null;
}

export function parseCurlArgs(args: readonly string[]): Parsed {
  const o = fresh();
  const fail = (typed: string, why: string): Parsed => ({
    ok: false,
    message: `curl: option ${typed}: ${why}\n${TRY_HELP}\n`,
  });
  /** applies one option; `next` supplies its argument when it takes one */
  const apply = (
    option: KnownOption,
    typed: string,
    on: boolean,
    next: () => string | undefined,
  ): Parsed | null => {
    const act = SUPPORTED[option.long];
    if (!act) return { ok: false, unsupported: `curl ${typed}` };
    let value = '';
    if (option.takesArgument) {
      const v = next();
      if (v === undefined) return fail(typed, 'requires parameter');
      value = v;
    }
    const problem = act(o, value, on);
    return problem ? fail(typed, problem) : null;
  };

  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.startsWith('--') && word.length > 2) {
      let name = word.slice(2);
      let on = true;
      let option = byLong(name);
      if (option === null && name.startsWith('no-')) {
        const negated = byLong(name.slice(3));
        if (negated !== null && negated !== 'ambiguous' && !negated.takesArgument) {
          option = negated;
          name = name.slice(3);
          on = false;
        }
      }
      if (option === 'ambiguous') return fail(word, 'is ambiguous');
      if (option === null) return fail(word, 'is unknown');
      const stop = apply(option, word, on, () => args[++i]);
      if (stop) return stop;
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const letter = word[j]!;
        const option = CURL_OPTIONS.find((k) => k.short === letter);
        if (!option) return fail(`-${letter}`, 'is unknown');
        const rest = word.slice(j + 1);
        const stop = apply(option, `-${letter}`, true, () => (rest ? rest : args[++i]));
        if (stop) return stop;
        if (option.takesArgument) break;
      }
    } else o.urls.push(word);
  }
  return { ok: true, options: o };
}
