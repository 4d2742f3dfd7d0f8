/**
 * The HTTP GET a learner would make with curl, to each port their running containers publish,
 * on this machine's loopback only. Failures get curl's names, so an engine verdict and a pasted
 * curl output read the same: refused (7), empty-reply (52), reset (56), timeout (28).
 */
import { request } from 'node:http';
import type { EngineContainer, HttpProbe } from '../../core/evidence.ts';

export interface ProbeTarget {
  url: string;
  host: string;
  hostPort: number;
  containerId: string;
}

const BODY_LIMIT = 64 * 1024;
const MAX_PROBES = 8;

/** Loopback addresses for what a port is bound to; null when it is bound to another address we must not reach for. */
function loopbackFor(hostIp: string | null): string | null {
  if (
    hostIp === null ||
    hostIp === '' ||
    hostIp === '0.0.0.0' ||
    hostIp === '::' ||
    hostIp === '127.0.0.1'
  )
    return '127.0.0.1';
  if (hostIp === '::1') return '::1';
  return /^127\.\d+\.\d+\.\d+$/.test(hostIp) ? hostIp : null;
}

export function probeTargets(containers: readonly EngineContainer[]): ProbeTarget[] {
  const targets = new Map<string, ProbeTarget>();
  for (const c of containers) {
    if (c.state !== 'running') continue;
    for (const p of c.ports) {
      const host = loopbackFor(p.hostIp);
      if (p.protocol !== 'tcp' || p.hostPort === null || host === null) continue;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${p.hostPort}/`;
      // `0.0.0.0:8000` and `[::]:8000` are one port on loopback: one GET.
      if (!targets.has(url))
        targets.set(url, { url, host, hostPort: p.hostPort, containerId: c.id });
    }
  }
  return [...targets.values()].slice(0, MAX_PROBES);
}

export function probeHttp(target: ProbeTarget, timeoutMs: number): Promise<HttpProbe> {
  const result = (fields: Pick<HttpProbe, 'ok' | 'status' | 'body' | 'error'>): HttpProbe => ({
    url: target.url,
    hostPort: target.hostPort,
    containerId: target.containerId,
    ...fields,
  });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (probe: HttpProbe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(probe);
    };
    const req = request({
      host: target.host,
      port: target.hostPort,
      path: '/',
      method: 'GET',
      agent: false,
      headers: { Accept: '*/*', 'User-Agent': 'layerwise-verify', Connection: 'close' },
    });
    const timer = setTimeout(
      () => settle(result({ ok: false, status: null, body: null, error: 'timeout' })),
      timeoutMs,
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        settle(
          result({
            ok: true,
            status: res.statusCode ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
            error: null,
          }),
        );
      res.on('data', (chunk: Buffer) => {
        if (size >= BODY_LIMIT) return;
        chunks.push(chunk.subarray(0, BODY_LIMIT - size));
        size += chunk.length;
        if (size >= BODY_LIMIT) done();
      });
      res.on('end', done);
      // Headers came, then the connection broke: what arrived is still the answer.
      res.on('error', done);
    });
    req.on('error', (error) =>
      settle(result({ ok: false, status: null, body: null, error: curlError(error) })),
    );
    req.end();
  });
}

/** Node's words for a failed GET → curl's. */
export function curlError(error: Error & { code?: string }): NonNullable<HttpProbe['error']> {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
      // Node says "socket hang up" when the server closed cleanly before answering (curl 52),
      // and "read ECONNRESET" when it reset the connection (curl 56).
      return /socket hang up/i.test(error.message) ? 'empty-reply' : 'reset';
    case 'EPIPE':
      return 'reset';
    case 'ETIMEDOUT':
      return 'timeout';
    default:
      return 'other';
  }
}

export async function probeAll(
  containers: readonly EngineContainer[],
  timeoutMs: number,
): Promise<HttpProbe[]> {
  return Promise.all(probeTargets(containers).map((t) => probeHttp(t, timeoutMs)));
}
