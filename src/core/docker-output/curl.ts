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
  if (lines.some((l) => POWERSHELL_STATUS.test(l.text) || POWERSHELL_ERROR.test(l.text)))
    return parsePowerShell(lines);
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
  // zsh marks output that ended without a newline with a % after it: not part of the body.
  if (body.length) body[body.length - 1] = body[body.length - 1]!.replace(/([}\]>"])%$/, '$1');
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

/**
 * PowerShell's `curl` is Invoke-WebRequest: a list of `Name : value` properties, or an error
 * record. Windows PowerShell 5 names the failure `curl : …`, PowerShell 7 `Invoke-WebRequest: …`.
 */
const POWERSHELL_STATUS = /^StatusCode\s+: (\d{3})$/;
const POWERSHELL_ERROR =
  /^(?:curl|Invoke-WebRequest|iwr) ?: (?:Unable to connect to the remote server|No connection could be made|The underlying connection was closed|Response status code does not indicate success: (\d{3})|The remote server returned an error: \((\d{3})\))/;
const PROPERTY = /^([A-Z][A-Za-z]+)\s+: ?(.*)$/;

function parsePowerShell(lines: ScreenLine[]): Parsed<PartOf<'curl'>> | null {
  let status: number | null = null;
  let statusLine = 0;
  let errorLine = 0;
  let refused = false;
  let content: string[] | null = null;
  let prop = '';
  let first = 0;
  let last = 0;
  for (const { text, n } of lines) {
    const e = POWERSHELL_ERROR.exec(text);
    const p = PROPERTY.exec(text);
    if (e) {
      errorLine = n;
      const code = e[1] ?? e[2];
      if (code) status = Number(code);
      else refused = true;
    } else if (p) {
      prop = p[1]!;
      if (prop === 'StatusCode') {
        status = Number(p[2]);
        statusLine = n;
      } else if (prop === 'Content') content = [p[2]!];
    } else if (/^\s{10,}\S/.test(text) && prop === 'Content' && content) {
      content.push(text.trim()); // the Content's further lines, under its first
    } else if (!text.trim() || !first) continue;
    first ||= n;
    last = n;
  }
  if (!first) return null;
  const failed = refused || (status !== null && status >= 400);
  return {
    part: {
      kind: 'curl',
      tool: null,
      format: 'powershell',
      lines: [first, last],
      curl: {
        ok: !failed,
        exitCode: null,
        status,
        body: content && !failed ? content.join('\n') : null,
        error: refused ? 'refused' : null,
      },
    },
    marks: {
      ...noMarks(),
      items: statusLine ? [statusLine] : [],
      ...(errorLine ? { error: errorLine } : {}),
    },
  };
}
