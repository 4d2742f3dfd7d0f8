import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSandbox } from './helpers.ts';
import {
  displayPorts,
  parsePublish,
  PortAllocator,
  type PortRow,
} from '../../../src/core/sandbox/docker/network-ports.ts';

const both = (host: number, container: number): PortRow[] => [
  { ip: '0.0.0.0', publicPort: host, privatePort: container, type: 'tcp' },
  { ip: '::', publicPort: host, privatePort: container, type: 'tcp' },
];
const exposed = (port: number): PortRow => ({
  ip: '',
  publicPort: null,
  privatePort: port,
  type: 'tcp',
});

// Expected strings are the PORTS column of real `docker ps` (tests/fixtures/sandbox/real/ps-a.txt,
// and docker-semantics §3.1 [LOCAL] for ranges and multiple -p).
describe('displayPorts (docker/cli DisplayablePorts)', () => {
  it.each<[string, PortRow[], string]>([
    ['-p 8000:8000', both(8000, 8000), '0.0.0.0:8000->8000/tcp, [::]:8000->8000/tcp'],
    [
      '-p 127.0.0.1:8001:8000',
      [{ ip: '127.0.0.1', publicPort: 8001, privatePort: 8000, type: 'tcp' }],
      '127.0.0.1:8001->8000/tcp',
    ],
    ['-p 8000 (random)', both(32768, 8000), '0.0.0.0:32768->8000/tcp, [::]:32768->8000/tcp'],
    [
      '-p 8003:80 with EXPOSE 8000',
      [...both(8003, 80), exposed(8000)],
      '8000/tcp, 0.0.0.0:8003->80/tcp, [::]:8003->80/tcp',
    ],
    ['EXPOSE only', [exposed(8000)], '8000/tcp'],
    ['nothing', [], ''],
    [
      'a range',
      [...both(18060, 18060), ...both(18061, 18061)],
      '0.0.0.0:18060-18061->18060-18061/tcp, [::]:18060-18061->18060-18061/tcp',
    ],
    [
      'several -p',
      [...both(18006, 8000), ...both(18007, 8000), ...both(18008, 9000)],
      '0.0.0.0:18006->8000/tcp, 0.0.0.0:18007->8000/tcp, [::]:18006->8000/tcp, [::]:18007->8000/tcp, 0.0.0.0:18008->9000/tcp, [::]:18008->9000/tcp',
    ],
  ])('%s', (_, rows, expected) => {
    expect(displayPorts(rows)).toBe(expected);
  });
});

describe('parsePublish', () => {
  it.each([
    ['8000:8000', { hostIp: '', hostPort: 8000, containerPort: 8000, protocol: 'tcp' }],
    ['8080:80', { hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    [
      '127.0.0.1:8000:8000',
      { hostIp: '127.0.0.1', hostPort: 8000, containerPort: 8000, protocol: 'tcp' },
    ],
    ['[::1]:8000:8000', { hostIp: '::1', hostPort: 8000, containerPort: 8000, protocol: 'tcp' }],
    ['8000', { hostIp: '', hostPort: null, containerPort: 8000, protocol: 'tcp' }],
    [
      '127.0.0.1::8000',
      { hostIp: '127.0.0.1', hostPort: null, containerPort: 8000, protocol: 'tcp' },
    ],
    ['53:53/udp', { hostIp: '', hostPort: 53, containerPort: 53, protocol: 'udp' }],
    ['0:8000', { hostIp: '', hostPort: null, containerPort: 8000, protocol: 'tcp' }],
    ['abc', 'invalid containerPort: abc'],
    ['8000:70000', 'invalid containerPort: 70000'],
    ['', 'no port specified: <empty>'],
    [
      '8000-8001:8000-8001',
      'port ranges are not simulated in the sandbox: publish one port at a time, e.g. -p 8000:8000',
    ],
  ])('%j', (spec, expected) => {
    expect(parsePublish(spec)).toEqual(expected);
  });
});

describe('PortAllocator', () => {
  it('hands out ports in order from 32768, skipping taken ones, as the daemon does', () => {
    const a = new PortAllocator();
    const taken = new Set([32769]);
    expect([
      a.allocate((p) => !taken.has(p)),
      a.allocate((p) => !taken.has(p)),
      a.allocate(() => true),
    ]).toEqual([32768, 32770, 32771]);
  });
});

describe('a -p the CLI refuses, as Docker CLI 28.2.2 refused it (tests/fixtures/sandbox/real/run-p-*.txt)', () => {
  const dir = new URL('../../fixtures/sandbox/real/', import.meta.url);
  const captures = readdirSync(dir)
    .filter((f) => f.startsWith('run-p-'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  it.each(captures.map((c) => [c.slice(2, c.indexOf('\n')), c] as const))(
    '%s',
    async (command, capture) => {
      const printed = capture.slice(capture.indexOf('\n') + 1).replace(/\[exit (\d+)\]\n?$/, '');
      const exitCode = Number(/\[exit (\d+)\]\n?$/.exec(capture)?.[1]);
      expect(await demoSandbox().run(command)).toEqual({ output: printed, exitCode });
    },
  );
});
