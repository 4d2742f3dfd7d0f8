/**
 * curl's output: the body, `-i`/`-I`/`-v` headers, the progress meter it prints when piped, and
 * its `curl: (N)` errors in old and new wording. `exitCode` is curl's (N) when it failed.
 */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed, type PartOf } from './parsed.ts';
import type { CurlError, CurlResult } from './types.ts';

const ERRORS: Record<number, CurlError> = {
  7: 'refused',
  52: 'empty-reply',
  56: 'reset',
  28: 'timeout',
  6: 'resolve',
};
const FAILURE = /curl: \((\d+)\) (.*)$/;
const STATUS = /^(?:< )?HTTP\/[\d.]+ (\d{3})\b/;
const METER =
  /^\s*(?:% Total\s+% Received|Dload\s+Upload|\d+(?:\.\d+)?[kMG]?\s+\d+(?:\.\d+)?[kMG]?\s+\d+\s+\d+)/;
// curl -v: `* Trying …`, `> GET / HTTP/1.1`, `< header`, and `{ [22 bytes data]`; a JSON or HTML body starting with { or < is not one.
const VERBOSE = /^(?:[*<>](?: |$)|[{}] \[)/;

export function parseCurl(lines: ScreenLine[]): Parsed<PartOf<'curl'>> | null {
  let exitCode: number | null = null;
  let error: CurlError = null;
  let status: number | null = null;
  let statusLine = 0;
  let errorLine: number | undefined;
  let bodyLine = 0;
  const body: string[] = [];
  let inHeaders = false;
  let first = 0;
  let last = 0;
  const use = (n: number) => {
    first ||= n;
    last = n;
  };
  for (const { text, n } of lines) {
    const f = FAILURE.exec(text);
    const s = STATUS.exec(text);
    if (f) {
      exitCode = Number(f[1]);
      error = ERRORS[exitCode] ?? 'other';
      errorLine = n;
      use(n);
    } else if (s) {
      status = Number(s[1]);
      statusLine = n;
      inHeaders = !text.startsWith('<');
      use(n);
    } else if (inHeaders) {
      if (!text.trim()) inHeaders = false;
      use(n);
    } else if (METER.test(text) || VERBOSE.test(text)) {
      use(n);
    } else if (text.trim() || body.length) {
      bodyLine ||= n;
      body.push(text);
      use(n);
    }
  }
  if (!first) return null;
  while (body.length && !body[body.length - 1]!.trim()) body.pop();
  const result: CurlResult = {
    ok: exitCode === null && (status === null || status < 400),
    exitCode,
    status,
    body: exitCode === null && body.length ? body.join('\n') : null,
    error,
  };
  return {
    part: { kind: 'curl', tool: null, format: 'text', lines: [first, last], curl: result },
    marks: {
      ...noMarks(),
      items: statusLine ? [statusLine] : [],
      ...(errorLine ? { error: errorLine } : {}),
      // where the body starts, so a check about the body quotes the body
      notes: result.body !== null && bodyLine ? [{ id: 'body', line: bodyLine }] : [],
    },
  };
}
