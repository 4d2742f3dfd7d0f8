/**
 * One HTTP exchange of the sandbox's curl: connecting to each address of the host in turn, the
 * request sent, and `-v`'s trace of it, as curl 7.88 prints them.
 */
import type { CommandContext } from './types.ts';
import type { Connection } from '../host/network.ts';
import type { HttpResponse } from '../app/http.ts';
import type { CurlRequest } from './curl-request.ts';
import { byteLength } from '../text/bytes.ts';

export interface Target {
  scheme: string;
  host: string;
  port: number;
  /** the request target: path and query */
  path: string;
  addresses: string[];
  /** the address connected to, once connected */
  address: string | null;
  hostHeader: string;
  href: string;
  internet: boolean;
}

type Answered =
  | { response: HttpResponse }
  | { code: number; error: string; partial: { remoteIp?: string; remotePort?: number } };

/** `answer`: what a connection that hangs meets once the other end runs again (a paused container). */
export type Reached = Answered | { hang: true; answer?: Promise<Answered> };

export async function connect(
  ctx: CommandContext,
  where: Target,
  request: CurlRequest,
  verbose: boolean,
  reused: boolean,
): Promise<Reached> {
  const trace = (lines: string) => verbose && ctx.io.err(`${lines}\n`);
  const { host, port } = where;
  if (where.addresses.length === 0)
    return { code: 6, error: `Could not resolve host: ${host}`, partial: {} };
  let connection: Connection = { kind: 'refused' };
  if (reused) {
    // The bundle's address is a pointer in curl's memory; any value reads the same to a learner.
    trace(`* Found bundle for host: 0x55d0c0ffee00 [serially]`);
    trace('* Can not multiplex, even if we wanted to');
    trace(`* Re-using existing connection #0 with host ${host}`);
    connection = ctx.host.network.connect(where.address ?? where.addresses[0]!, port);
  } else
    for (const address of where.addresses) {
      trace(`*   Trying ${address.includes(':') ? `[${address}]` : address}:${port}...`);
      connection = ctx.host.network.connect(address, port);
      if (connection.kind !== 'refused') {
        where.address = address;
        break;
      }
      if (where.addresses.length > 1)
        trace(`* connect to ${address} port ${port} failed: Connection refused`);
    }
  if (connection.kind === 'refused') {
    const error = `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`;
    trace(`* ${error}\n* Closing connection 0`);
    return { code: 7, error, partial: {} };
  }
  if (!reused) trace(`* Connected to ${host} (${where.address}) port ${port} (#0)`);
  const partial = { remoteIp: where.address ?? '', remotePort: port };
  // The request's head as sent, CRLFs and all, as -v shows it.
  const requestTrace =
    [
      `> ${request.method} ${where.path} HTTP/1.1`,
      ...request.headers.map(([k, v]) => (v ? `> ${k}: ${v}` : `> ${k}:`)),
      '> ',
    ].join('\r\n') + '\r';
  if (connection.kind === 'reset') {
    trace(`${requestTrace}\n* Recv failure: Connection reset by peer\n* Closing connection 0`);
    return { code: 56, error: 'Recv failure: Connection reset by peer', partial };
  }
  if (where.scheme === 'https')
    return {
      code: 35,
      error: 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number',
      partial,
    };
  trace(requestTrace);
  if (request.body && !ctx.io.tty) trace(`} [${byteLength(request.body)} bytes data]`);
  const exchange = async (open: Connection): Promise<Answered> => {
    if (open.kind === 'http')
      return {
        response: await open.request({
          method: request.method,
          target: where.path,
          headers: request.headers.map(([k, v]) => [k.toLowerCase(), v]),
          body: request.body ?? '',
        }),
      };
    // still not answering (a --reload worker that is down): until Ctrl+C
    if (open.kind === 'hang')
      return open.thawed ? open.thawed.then(exchange) : new Promise(() => {});
    trace('* Recv failure: Connection reset by peer\n* Closing connection 0');
    return { code: 56, error: 'Recv failure: Connection reset by peer', partial };
  };
  if (connection.kind === 'hang')
    return connection.thawed
      ? { hang: true, answer: connection.thawed.then(exchange) }
      : { hang: true };
  return exchange(connection);
}
