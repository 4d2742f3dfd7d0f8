/**
 * curl 7.88 as the course uses it: `-i`, `-I`, `-s`, `-S`, `-v`, `-f`, `-X`, `-o`, with the exit
 * codes and messages curl prints (tests/fixtures/sandbox/real/curl-*.txt): (6) cannot resolve,
 * (7) nothing listening, (56) reset by Docker's proxy, (22) with -f on an HTTP error.
 */
import type { Command, CommandContext } from './types.ts';
import type { Connection } from '../host/network.ts';
import type { HttpResponse } from '../app/http.ts';
import { resolvePath } from '../../text/index.ts';
import { byteLength } from '../text/bytes.ts';

interface Options {
  include: boolean;
  head: boolean;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  fail: boolean;
  method: string;
  output: string | null;
  url: string | null;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = {
    include: false,
    head: false,
    silent: false,
    showError: false,
    verbose: false,
    fail: false,
    method: 'GET',
    output: null,
    url: null,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-X' || a === '--request') o.method = args[++i] ?? 'GET';
    else if (a === '-o' || a === '--output') o.output = args[++i] ?? null;
    else if (a === '--include') o.include = true;
    else if (a === '--head') o.head = true;
    else if (a === '--silent') o.silent = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--fail') o.fail = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'i') o.include = true;
        else if (f === 'I') o.head = true;
        else if (f === 's') o.silent = true;
        else if (f === 'S') o.showError = true;
        else if (f === 'v') o.verbose = true;
        else if (f === 'f') o.fail = true;
        else if (f === 'L') continue;
        else
          return `curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
      }
    } else if (a.startsWith('-'))
      return `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
    else o.url = a;
  }
  if (o.head) o.method = 'HEAD';
  return o;
}

export const curl: Command = async (ctx) => {
  const o = parseArgs(ctx.args);
  if (typeof o === 'string') {
    ctx.io.err(o);
    return 2;
  }
  if (!o.url) {
    ctx.io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const url = /^(?:(\w+):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([^#]*)/.exec(o.url);
  const scheme = (url?.[1] ?? 'http').toLowerCase();
  const host = url?.[2] ?? '';
  const port = Number(url?.[3] ?? (scheme === 'https' ? 443 : 80));
  const path = url?.[4] || '/';
  const fail = (code: number, message: string) => {
    if (!o.silent || o.showError) ctx.io.err(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (scheme !== 'http' && scheme !== 'https')
    return fail(1, `Protocol "${scheme}" not supported or disabled in libcurl`);
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
  if (addresses.length === 0) return fail(6, `Could not resolve host: ${host}`);

  const meter = !o.silent && !ctx.io.tty;
  const verbose = (line: string) => o.verbose && ctx.io.err(`${line}\n`);
  if (meter)
    ctx.io.err(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n',
    );
  let connection: Connection = { kind: 'refused' };
  let connected = '';
  for (const address of addresses) {
    verbose(`*   Trying ${address.includes(':') ? `[${address}]` : address}:${port}...`);
    connection = ctx.host.network.connect(address, port);
    if (connection.kind !== 'refused') {
      connected = address;
      break;
    }
    if (addresses.length > 1)
      verbose(`* connect to ${address} port ${port} failed: Connection refused`);
  }
  if (connection.kind === 'refused') {
    verbose(`* Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
    verbose('* Closing connection 0');
    return fail(
      7,
      `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`,
    );
  }
  verbose(`* Connected to ${host} (${connected}) port ${port} (#0)`);
  if (connection.kind === 'reset') {
    verbose(
      `> ${o.method} ${path} HTTP/1.1\n> Host: ${host}:${port}\n> User-Agent: curl/7.88.1\n> Accept: */*\n> \n* Recv failure: Connection reset by peer\n* Closing connection 0`,
    );
    return fail(56, 'Recv failure: Connection reset by peer');
  }
  if (scheme === 'https')
    return fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number');
  verbose(
    `> ${o.method} ${path} HTTP/1.1\n> Host: ${host}:${port}\n> User-Agent: curl/7.88.1\n> Accept: */*\n> `,
  );
  if (connection.kind === 'hang') {
    // A --reload server whose worker failed to import: the socket accepts, nothing answers.
    await ctx.job.interrupted;
    return 130;
  }
  const response = await connection.request({
    method: o.method,
    target: path,
    headers: [
      ['host', `${host}:${port}`],
      ['user-agent', 'curl/7.88.1'],
      ['accept', '*/*'],
    ],
    body: '',
  });
  const headerLines = [
    `HTTP/1.1 ${response.status} ${response.reason}`,
    ...response.headers.map(([k, v]) => `${k}: ${v}`),
    '',
  ];
  if (o.verbose) ctx.io.err(headerLines.map((l) => `< ${l}\n`).join(''));
  if (o.fail && response.status >= 400) {
    verbose('* Connection #0 to host localhost left intact');
    return fail(22, `The requested URL returned error: ${response.status}`);
  }
  if (meter) ctx.io.err(`${progressLine(response)}\n`);
  verbose(`* Connection #0 to host ${host} left intact`);
  const shown =
    (o.include || o.head ? headerLines.map((l) => `${l}\n`).join('') : '') + response.body;
  return deliver(ctx, o.output, shown);
};

function deliver(ctx: CommandContext, output: string | null, text: string): number {
  if (!output) {
    ctx.io.out(text);
    return 0;
  }
  const error = ctx.fs.write(resolvePath(ctx.shell.cwd, output, ctx.shell.home), text);
  if (error) {
    ctx.io.err(`curl: (23) Failure writing output to destination\n`);
    return 23;
  }
  return 0;
}

/** The meter's final line, as curl leaves it when stdout is not a terminal. */
function progressLine(r: HttpResponse): string {
  const size = String(byteLength(r.body));
  return `100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0   5000      0 --:--:-- --:--:-- --:--:--  5000`;
}
