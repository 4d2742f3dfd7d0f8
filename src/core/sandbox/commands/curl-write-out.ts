/**
 * curl's -w/--write-out: `%{variable}`, `%header{name}`, `%%`, and the `\n` `\r` `\t` escapes,
 * printed after the transfer (even a failed one: `%{http_code}` is then 000). Timing variables
 * depend on a real network, so the sandbox says it does not simulate them instead of inventing
 * numbers.
 */
import type { Gap } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';

export interface Transfer {
  /** 0 when no response came */
  status: number;
  headers: [string, string][];
  /** bytes of the status line and headers, CRLFs included */
  headerBytes: number;
  bodyBytes: number;
  requestBytes: number;
  uploadBytes: number;
  method: string;
  url: string;
  effectiveUrl: string;
  redirectUrl: string;
  redirects: number;
  remoteIp: string;
  remotePort: number;
  exitCode: number;
  errorMessage: string;
}

type Value = (t: Transfer) => string | number;

const VARIABLES: Record<string, Value> = {
  http_code: (t) => String(t.status).padStart(3, '0'),
  response_code: (t) => String(t.status).padStart(3, '0'),
  content_type: (t) => t.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
  size_download: (t) => t.bodyBytes,
  size_header: (t) => t.headerBytes,
  size_request: (t) => t.requestBytes,
  size_upload: (t) => t.uploadBytes,
  method: (t) => t.method,
  url: (t) => t.url,
  url_effective: (t) => t.effectiveUrl,
  redirect_url: (t) => t.redirectUrl,
  num_redirects: (t) => t.redirects,
  num_headers: (t) => t.headers.length,
  num_connects: (t) => (t.status ? 1 : 0),
  http_version: (t) => (t.status ? '1.1' : '0'),
  scheme: () => 'HTTP',
  remote_ip: (t) => t.remoteIp,
  remote_port: (t) => (t.status ? t.remotePort : 0),
  exitcode: (t) => t.exitCode,
  errormsg: (t) => t.errorMessage,
  urlnum: () => 0,
};

/** Known to curl 7.88, printed only from a real network or TLS session. */
const TIMING = /^(?:time_\w+|speed_\w+)$/;
const ELSEWHERE = new Set([
  'certs',
  'num_certs',
  'filename_effective',
  'ftp_entry_path',
  'header_json',
  'http_connect',
  'json',
  'local_ip',
  'local_port',
  'proxy_ssl_verify_result',
  'referer',
  'ssl_verify_result',
]);

/** What -w prints, in order: `%{stderr}` switches the stream, curl's warnings go to stderr. */
export type WriteOutResult = { chunks: ['out' | 'err', string][] } | { gap: Gap; shown: string };

export function writeOut(format: string, t: Transfer): WriteOutResult {
  const chunks: ['out' | 'err', string][] = [];
  let to: 'out' | 'err' = 'out';
  const emit = (text: string, stream = to) => {
    const last = chunks.at(-1);
    if (last && last[0] === stream) last[1] += text;
    else chunks.push([stream, text]);
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '\\' && i + 1 < format.length) {
      const next = format[++i]!;
      emit(next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : c + next);
      continue;
    }
    if (c !== '%') {
      emit(c);
      continue;
    }
    if (format[i + 1] === '%') {
      emit('%');
      i++;
      continue;
    }
    const header = /^%header\{([^}]*)\}/.exec(format.slice(i));
    if (header) {
      const name = header[1]!.toLowerCase();
      emit(t.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '');
      i += header[0].length - 1;
      continue;
    }
    const variable = /^%\{([^}]*)\}/.exec(format.slice(i));
    if (!variable) {
      emit(c);
      continue;
    }
    i += variable[0].length - 1;
    const name = variable[1]!;
    if (name === 'stdout' || name === 'stderr') to = name === 'stdout' ? 'out' : 'err';
    else if (name === 'onerror') {
      if (t.exitCode === 0) break;
    } else if (VARIABLES[name]) emit(String(VARIABLES[name](t)));
    else if (TIMING.test(name)) return { gap: GAP.curlTimes, shown: `curl -w '%{${name}}'` };
    else if (ELSEWHERE.has(name)) return { gap: GAP.curlOptions, shown: `curl -w '%{${name}}'` };
    else emit(`curl: unknown --write-out variable: '${name}'\n`, 'err');
  }
  return { chunks };
}
