/**
 * The HTTP request curl 7.88 sends for its options: the method (-X, else POST with data, HEAD with
 * -I, else GET), its own headers (Host, User-Agent, Accept) with -H replacing or removing them, and
 * the body from -d/--data*, --json (`@file` and `@-` read as curl reads them).
 */
import type { CurlOptions, DataKind } from './curl-options.ts';
import type { CommandContext } from './types.ts';
import { resolvePath } from '../../text/index.ts';

export const CURL_VERSION = '7.88.1';

export interface CurlRequest {
  method: string;
  headers: [string, string][];
  /** null: no body at all (no Content-Length) */
  body: string | null;
}

/** --data-urlencode: RFC 3986's unreserved characters as they are, a space as `+`, the rest %-encoded. */
function urlEncode(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => {
    const c = String.fromCharCode(b);
    if (c === ' ') return '+';
    return /[A-Za-z0-9._~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** Reads `@file` (`@-`: stdin); a file that cannot be read sends nothing, with curl's warning unless -s. */
function readAt(ctx: CommandContext, name: string, silent: boolean): string {
  if (name === '-') return ctx.io.stdin ?? '';
  const text = ctx.fs.read(resolvePath(ctx.shell.cwd, name, ctx.shell.home));
  if (typeof text === 'string') return text;
  if (!silent)
    ctx.io.err(`Warning: Couldn't read data from file "${name}", this makes an empty POST.\n`);
  return '';
}

function piece(ctx: CommandContext, kind: DataKind, value: string, silent: boolean): string {
  if (kind === 'urlencode') {
    const at = /^([^=@]*)@(.*)$/s.exec(value);
    if (at) return (at[1] ? `${at[1]}=` : '') + urlEncode(readAt(ctx, at[2]!, silent));
    const eq = value.indexOf('=');
    if (eq < 0) return urlEncode(value);
    return (eq > 0 ? `${value.slice(0, eq)}=` : '') + urlEncode(value.slice(eq + 1));
  }
  if (kind === 'raw' || !value.startsWith('@')) return value;
  const text = readAt(ctx, value.slice(1), silent);
  // -d/--data/--data-ascii drop a file's line breaks; --data-binary and --json keep its bytes.
  return kind === 'binary' || kind === 'json' ? text : text.replace(/[\r\n]/g, '');
}

function body(ctx: CommandContext, o: CurlOptions): string | null {
  if (o.data.length === 0) return null;
  let text = '';
  o.data.forEach(({ kind, value }, i) => {
    // --json pieces join as they are; the others with `&`, as form fields.
    if (i > 0 && kind !== 'json') text += '&';
    text += piece(ctx, kind, value, o.silent);
  });
  return text;
}

export function curlRequest(ctx: CommandContext, o: CurlOptions, hostHeader: string): CurlRequest {
  const data = body(ctx, o);
  const method = o.method ?? (o.head ? 'HEAD' : data !== null ? 'POST' : 'GET');
  const json = o.data.some((d) => d.kind === 'json');
  const custom: string[] = [
    ...(json ? ['Content-Type: application/json', 'Accept: application/json'] : []),
    ...o.headers,
  ];
  const named = (name: string) =>
    custom.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const headers: [string, string][] = [];
  const own = (name: string, value: string) => {
    if (named(name) === undefined) headers.push([name, value]);
  };
  // A custom Host keeps Host's place; other custom headers follow curl's own, in the order given.
  const host = named('Host');
  headers.push(['Host', host === undefined ? hostHeader : host.slice(5).trim()]);
  // -A '' sends no User-Agent at all.
  if (o.userAgent !== '') own('User-Agent', o.userAgent ?? `curl/${CURL_VERSION}`);
  own('Accept', '*/*');
  for (const h of custom.filter((c) => c !== host)) {
    const colon = /^([^:;]+):\s*(.*)$/s.exec(h);
    const empty = /^([^:;]+);\s*$/.exec(h);
    if (colon && colon[2] !== '') headers.push([colon[1]!, colon[2]!]);
    else if (empty) headers.push([empty[1]!, '']);
  }
  if (data !== null) {
    own('Content-Length', String(new TextEncoder().encode(data).length));
    own('Content-Type', 'application/x-www-form-urlencoded');
  }
  return { method, headers, body: data };
}
