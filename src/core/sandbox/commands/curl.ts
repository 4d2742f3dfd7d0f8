/**
 * curl 7.88.1, the lab's (the scenarios record it), as a learner uses it against the sandbox's
 * servers: the options in curl-options.ts, the request of curl-request.ts, -w of curl-write-out.ts,
 * and the messages and exit codes curl prints (tests/fixtures/sandbox/real/curl-*.txt and
 * tests/fixtures/sandbox/real/curl-flags/): (6) cannot resolve, (7) nothing listening, (56) reset
 * by Docker's proxy, (22) with -f on an HTTP error, (28) after -m, (23) when -o cannot write.
 */
import type { Command, CommandContext } from './types.ts';
import type { HttpResponse } from '../app/http.ts';
import { parseCurlArgs, type CurlOptions } from './curl-options.ts';
import { curlRequest, type CurlRequest } from './curl-request.ts';
import { writeOut, type Transfer } from './curl-write-out.ts';
import { connect, type Target } from './curl-connect.ts';
import { notSimulated } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';
import { resolvePath } from '../../text/index.ts';
import { byteLength } from '../text/bytes.ts';

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
const MAX_REDIRECTS = 50;

export const curl: Command = async (ctx) => {
  const parsed = parseCurlArgs(ctx.args);
  if (!parsed.ok) {
    if ('unsupported' in parsed) return notSimulated(ctx.io, GAP.curlOptions, parsed.unsupported);
    ctx.io.err(parsed.message);
    return 2;
  }
  const o = parsed.options;
  if (o.urls.length === 0) {
    ctx.io.err(ctx.args.length ? `curl: no URL specified!\n${TRY_HELP}` : TRY_HELP);
    return 2;
  }
  if (o.head && o.data.length) {
    if (!o.silent)
      ctx.io.err(
        'Warning: You can only select one HTTP request method! You asked for both POST \nWarning: (-d, --data) and HEAD (-I, --head).\n',
      );
    return 2;
  }
  const format = o.writeOut?.startsWith('@') ? readFormat(ctx, o.writeOut.slice(1)) : o.writeOut;
  // curl's stdout is buffered and flushed after each transfer, its stderr is not: so `-v`'s last
  // lines and an error message come before the body, as on the learner's terminal.
  let pending = '';
  const out = { ...ctx, io: { ...ctx.io, out: (text: string) => void (pending += text) } };
  const flush = () => {
    if (pending) ctx.io.out(pending);
    pending = '';
  };
  let exitCode = 0;
  for (const [n, url] of o.urls.entries()) {
    const t = await transfer(out, o, url, n === 0 ? o.output : null);
    if (typeof t === 'number') return t;
    flush();
    if (format !== null) {
      const shown = writeOut(format, t);
      if ('gap' in shown) return notSimulated(ctx.io, shown.gap, shown.shown);
      for (const [stream, text] of shown.chunks) out.io[stream](text);
    }
    if (t.exitCode) exitCode = t.exitCode;
  }
  flush();
  return exitCode;
};

function readFormat(ctx: CommandContext, name: string): string {
  if (name === '-') return ctx.io.stdin ?? '';
  const text = ctx.fs.read(resolvePath(ctx.shell.cwd, name, ctx.shell.home));
  return typeof text === 'string' ? text : '';
}

/** One URL, following redirects with -L. A number: curl stops with that code, -w and all. */
async function transfer(
  ctx: CommandContext,
  o: CurlOptions,
  url: string,
  output: string | null,
): Promise<Transfer | number> {
  const verbose = (lines: string) => o.verbose && ctx.io.err(`${lines}\n`);
  const fail = (t: Transfer, code: number, message: string): Transfer => {
    progress(EMPTY_METER);
    if (!o.silent || o.showError) ctx.io.err(`curl: (${code}) ${message}\n`);
    return { ...t, exitCode: code, errorMessage: message };
  };
  const meter = !o.silent && (!ctx.io.tty || output !== null);
  // The meter redraws one line with \r: a first empty reading at once, the last when done.
  const progress = (last: string | null) => {
    if (meter) ctx.io.err(`\r${last ?? EMPTY_METER}${last === null ? '' : '\n'}`);
  };
  if (meter) ctx.io.err(`${METER_HEADER}\n`);
  progress(null);
  let target = url;
  let method: string | null = o.method;
  let data = o.data;
  let shown = '';
  let t: Transfer = blank(o, url);
  for (let hop = 0; ; hop++) {
    const where = parseTarget(target);
    if (typeof where === 'string') return fail(t, 1, where);
    t = { ...t, effectiveUrl: where.href };
    if (where.internet) return notSimulated(ctx.io, GAP.curlInternet, `curl ${where.host}`);
    const request = curlRequest(ctx, { ...o, method, data }, where.hostHeader);
    let reached = await connect(ctx, where, request, o.verbose, hop > 0);
    if ('hang' in reached) {
      if (o.maxTimeSeconds !== null) {
        const ms = Math.round(o.maxTimeSeconds * 1000);
        (ctx.host.clock as { advance?: (ms: number) => void }).advance?.(ms);
        // curl notices the deadline on its next tick: the lab's run printed 5001 for -m 5.
        return fail(
          t,
          28,
          `Operation timed out after ${ms + 1} milliseconds with 0 bytes received`,
        );
      }
      // The socket accepted, nothing answers: a --reload server whose worker failed to import
      // (until Ctrl+C), or a paused container (until it is unpaused or stops, from elsewhere).
      const answered = await Promise.race([
        ctx.job.interrupted.then(() => null),
        reached.answer ?? new Promise<never>(() => {}),
      ]);
      if (answered === null) return 130;
      reached = answered;
    }
    if ('error' in reached) return fail({ ...t, ...reached.partial }, reached.code, reached.error);
    const r = reached.response;
    t = measured(t, where, request, r, hop);
    const lines = headerLines(r);
    const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    const follow = o.location && location !== undefined && r.status >= 300 && r.status < 400;
    if (o.verbose) {
      const trace = lines.map((l) => `< ${l}\r\n`);
      // A 307/308 that will send the body again: curl notes it as it reads the Location header.
      if (follow && r.status >= 307 && request.body) {
        const at = r.headers.findIndex(([k]) => k.toLowerCase() === 'location');
        trace.splice(at + 1, 0, '* Please rewind output before next send\n');
      }
      ctx.io.err(trace.join(''));
      if (r.body && !ctx.io.tty && !follow) ctx.io.err(`{ [${byteLength(r.body)} bytes data]\n`);
    }
    if (location !== undefined && r.status >= 300 && r.status < 400) {
      const next = resolveLocation(location, where);
      if (!follow) t = { ...t, redirectUrl: next };
      else {
        if (hop + 1 > MAX_REDIRECTS)
          return fail(t, 47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
        if (o.include) shown += headers(lines);
        progress(EMPTY_METER);
        verbose(
          `* Connection #0 to host ${where.host} left intact\n* Issue another request to this URL: '${next}'`,
        );
        // 301/302/303 turn a POST into a GET (and drop its body); 307/308 repeat it as it was.
        if (r.status <= 303 && (request.method === 'POST' || r.status === 303)) {
          if (o.method === null || r.status === 303) method = null;
          data = [];
        }
        target = next;
        continue;
      }
    }
    if ((o.fail || o.failWithBody) && r.status >= 400) {
      // -f stops before the body; the headers -i asked for were already written.
      const kept = o.failWithBody ? body(o, lines, r) : o.include ? headers(lines) : '';
      if (shown + kept) deliver(ctx, output, shown + kept);
      verbose(`* Connection #0 to host ${where.host} left intact`);
      return fail(t, 22, `The requested URL returned error: ${r.status}`);
    }
    progress(finalMeter(r, request));
    verbose(`* Connection #0 to host ${where.host} left intact`);
    const written = deliver(ctx, output, shown + body(o, lines, r));
    return written ? fail(t, written, 'Failure writing output to destination') : t;
  }
}

/** -i and -I print the head as it came, each line ending in CRLF. */
function headers(lines: string[]): string {
  return lines.map((l) => `${l}\r\n`).join('');
}

function body(o: CurlOptions, lines: string[], r: HttpResponse): string {
  return (o.include || o.head ? headers(lines) : '') + r.body;
}

function headerLines(r: HttpResponse): string[] {
  return [`HTTP/1.1 ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`), ''];
}

function blank(o: CurlOptions, url: string): Transfer {
  return {
    status: 0,
    headers: [],
    headerBytes: 0,
    bodyBytes: 0,
    requestBytes: 0,
    uploadBytes: 0,
    method: o.method ?? (o.head ? 'HEAD' : o.data.length ? 'POST' : 'GET'),
    url,
    effectiveUrl: url,
    redirectUrl: '',
    redirects: 0,
    remoteIp: '',
    remotePort: 0,
    exitCode: 0,
    errorMessage: '',
  };
}

function measured(
  t: Transfer,
  where: Target,
  request: CurlRequest,
  r: HttpResponse,
  hop: number,
): Transfer {
  const requestHead =
    `${request.method} ${where.path} HTTP/1.1\r\n` +
    request.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') +
    '\r\n';
  const upload = request.body === null ? 0 : byteLength(request.body);
  // size_request counts the body too (the lab: 178 bytes for a 149-byte head and 29 of JSON).
  return {
    ...t,
    status: r.status,
    headers: r.headers,
    headerBytes: t.headerBytes + byteLength(headerLines(r).join('\r\n') + '\r\n'),
    bodyBytes: byteLength(r.body),
    requestBytes: t.requestBytes + byteLength(requestHead) + upload,
    uploadBytes: t.uploadBytes + upload,
    method: request.method,
    redirects: hop,
    remoteIp: where.address ?? '',
    remotePort: where.port,
  };
}

/** Writes the output (stdout, or -o FILE); 23 when the file cannot be written. */
function deliver(ctx: CommandContext, output: string | null, text: string): number {
  if (output === null || output === '-') {
    ctx.io.out(text);
    return 0;
  }
  if (output === '/dev/null') return 0;
  return ctx.fs.write(resolvePath(ctx.shell.cwd, output, ctx.shell.home), text) ? 23 : 0;
}

const METER_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed';
const EMPTY_METER =
  '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

/** The meter's last reading: sizes as curl counts them; the speeds are the sandbox's own (no network). */
function finalMeter(r: HttpResponse, request: CurlRequest): string {
  const received = byteLength(r.body);
  const sent = request.body === null ? 0 : byteLength(request.body);
  const n = (v: number, w = 5) => String(v).padStart(w);
  return `100 ${n(received + sent)}  100 ${n(received)}  ${n(sent ? 100 : 0, 3)} ${n(sent)}   5000 ${n(sent ? 5000 : 0, 6)} --:--:-- --:--:-- --:--:--  5000`;
}

/** A Location header against the URL that answered (absolute, `/path`, or relative to its folder). */
function resolveLocation(location: string, where: Target): string {
  if (/^\w+:\/\//.test(location)) return location;
  const origin = where.href.slice(0, where.href.length - where.path.length);
  if (location.startsWith('/')) return origin + location;
  const folder = where.path.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  return origin + folder + location;
}

function parseTarget(url: string): Target | string {
  const m = /^(?:(\w+):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  const host = m?.[2] ?? '';
  if (scheme !== 'http' && scheme !== 'https')
    return `Protocol "${scheme}" not supported or disabled in libcurl`;
  const port = Number(m?.[3] ?? (scheme === 'https' ? 443 : 80));
  const path = m?.[4] || '/';
  const addresses =
    host === 'localhost'
      ? ['127.0.0.1', '::1']
      : host === '0.0.0.0'
        ? ['127.0.0.1']
        : /^\[(.*)\]$/.test(host)
          ? [host.slice(1, -1)]
          : /^127(?:\.\d+){3}$/.test(host)
            ? [host]
            : [];
  const defaultPort = m?.[3] === undefined;
  return {
    scheme,
    host,
    port,
    path: path.startsWith('/') ? path : `/${path}`,
    addresses,
    address: null,
    hostHeader: defaultPort ? host : `${host}:${port}`,
    href: `${scheme}://${host}${defaultPort ? '' : `:${port}`}${path.startsWith('/') ? path : `/${path}`}`,
    // A name with a dot that is no address (example.com) would be looked up on the internet.
    internet: addresses.length === 0 && host.includes('.') && !/^[\d.]+$/.test(host),
  };
}
