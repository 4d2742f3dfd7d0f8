import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineContainer } from '../../../src/core/evidence.ts';
import type { Port } from '../../../src/core/docker/index.ts';
import { probeHttp, probeTargets } from '../../../src/node/engine/probe.ts';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A loopback server that treats each connection as `onSocket` says; resolves to its port. */
async function server(onSocket: (socket: Socket) => void): Promise<number> {
  const s = createServer((socket) => {
    sockets.push(socket);
    onSocket(socket);
  });
  servers.push(s);
  await new Promise<void>((done) => s.listen(0, '127.0.0.1', done));
  return (s.address() as { port: number }).port;
}

const afterRequest = (act: (socket: Socket) => void) => (socket: Socket) =>
  socket.once('data', () => act(socket));

describe('probeHttp names failures as curl does', () => {
  it.each<[string, (socket: Socket) => void, object]>([
    [
      'an answer',
      afterRequest((s) =>
        s.end(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 17\r\n\r\n"Welcome to root"',
        ),
      ),
      { ok: true, status: 200, body: '"Welcome to root"', error: null },
    ],
    [
      'a 404',
      afterRequest((s) =>
        s.end('HTTP/1.1 404 Not Found\r\ncontent-length: 22\r\n\r\n{"detail":"Not Found"}'),
      ),
      { ok: true, status: 404, body: '{"detail":"Not Found"}', error: null },
    ],
    [
      'closed without a word (curl 52)',
      afterRequest((s) => s.end()),
      { ok: false, status: null, body: null, error: 'empty-reply' },
    ],
    [
      'reset (curl 56, docker-proxy with nothing behind it)',
      afterRequest((s) => s.resetAndDestroy()),
      { ok: false, status: null, body: null, error: 'reset' },
    ],
    [
      'no answer at all (curl 28)',
      () => undefined,
      { ok: false, status: null, body: null, error: 'timeout' },
    ],
    [
      'not HTTP',
      afterRequest((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n')),
      { ok: false, status: null, body: null, error: 'other' },
    ],
  ])('%s', async (_name, behaviour, expected) => {
    const port = await server(behaviour);
    const probe = await probeHttp(
      { url: `http://127.0.0.1:${port}/`, host: '127.0.0.1', hostPort: port, containerId: 'c1' },
      300,
    );
    expect(probe).toEqual({
      url: `http://127.0.0.1:${port}/`,
      hostPort: port,
      containerId: 'c1',
      ...expected,
    });
  });

  it('refused (curl 7): nothing listens', async () => {
    const port = await server(() => undefined);
    await new Promise((done) => servers.pop()?.close(done));
    const probe = await probeHttp(
      { url: '', host: '127.0.0.1', hostPort: port, containerId: 'c1' },
      1000,
    );
    expect(probe.error).toBe('refused');
  });

  it('keeps at most 64 KiB of a body', async () => {
    const big = 'x'.repeat(200_000);
    const port = await server(
      afterRequest((s) => s.end(`HTTP/1.1 200 OK\r\ncontent-length: ${big.length}\r\n\r\n${big}`)),
    );
    const probe = await probeHttp(
      { url: '', host: '127.0.0.1', hostPort: port, containerId: 'c1' },
      2000,
    );
    expect(probe.body).toHaveLength(64 * 1024);
  });
});

function container(
  state: EngineContainer['state'],
  ports: Partial<Port>[],
  id = 'c1',
): EngineContainer {
  return {
    id,
    name: id,
    image: 'demo-image',
    imageId: 'sha256:1',
    state,
    status: '',
    exitCode: null,
    command: '',
    ports: ports.map((p) => ({
      hostIp: '0.0.0.0',
      hostPort: 8000,
      containerPort: 8000,
      protocol: 'tcp',
      ...p,
    })),
  };
}

describe('probeTargets: loopback only, one GET a port', () => {
  it.each<[string, EngineContainer[], string[]]>([
    [
      '0.0.0.0 and [::] are one port',
      [container('running', [{ hostIp: '0.0.0.0' }, { hostIp: '::' }])],
      ['http://127.0.0.1:8000/'],
    ],
    [
      'bound to 127.0.0.1',
      [container('running', [{ hostIp: '127.0.0.1', hostPort: 8080 }])],
      ['http://127.0.0.1:8080/'],
    ],
    ['bound to ::1', [container('running', [{ hostIp: '::1' }])], ['http://[::1]:8000/']],
    [
      'bound to a LAN address: not ours to reach',
      [container('running', [{ hostIp: '192.168.1.20' }])],
      [],
    ],
    ['exposed, not published', [container('running', [{ hostIp: null, hostPort: null }])], []],
    ['udp', [container('running', [{ protocol: 'udp' }])], []],
    ['a stopped container', [container('exited', [{}])], []],
    [
      'two containers, two ports',
      [
        container('running', [{ hostPort: 8000 }], 'a'),
        container('running', [{ hostPort: 8001 }], 'b'),
      ],
      ['http://127.0.0.1:8000/', 'http://127.0.0.1:8001/'],
    ],
  ])('%s', (_name, containers, urls) => {
    expect(probeTargets(containers).map((t) => t.url)).toEqual(urls);
  });
});
