import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSandbox, recordedBlocks } from './helpers.ts';
import { parsePublish, PortAllocator } from '../../../src/core/sandbox/docker/network-ports.ts';

describe('parsePublish', () => {
  it.each([
    ['8000:8000', { hostIp: null, hostPort: 8000, containerPort: 8000, protocol: 'tcp' }],
    ['8080:80', { hostIp: null, hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    [
      '127.0.0.1:8000:8000',
      { hostIp: '127.0.0.1', hostPort: 8000, containerPort: 8000, protocol: 'tcp' },
    ],
    ['[::1]:8000:8000', { hostIp: '::1', hostPort: 8000, containerPort: 8000, protocol: 'tcp' }],
    ['8000', { hostIp: null, hostPort: null, containerPort: 8000, protocol: 'tcp' }],
    [
      '127.0.0.1::8000',
      { hostIp: '127.0.0.1', hostPort: null, containerPort: 8000, protocol: 'tcp' },
    ],
    ['53:53/udp', { hostIp: null, hostPort: 53, containerPort: 53, protocol: 'udp' }],
    ['0:8000', { hostIp: null, hostPort: null, containerPort: 8000, protocol: 'tcp' }],
    // CLI 28.5's words on the lab (docker create -p SPEC python:3.14-slim)
    ['abc', 'Invalid containerPort: abc'],
    ['8000:70000', 'Invalid containerPort: 70000'],
    ['99999:8000', 'Invalid hostPort: 99999'],
    ['1.2.3:80:80', 'Invalid ip address: 1.2.3'],
    ['a:b:c:d', 'Invalid ip address a:b: address a:b:: too many colons in address'],
    ['8000/xyz', 'Invalid proto: xyz'],
    [
      '8000-8001:80-82',
      'Invalid ranges specified for container and host Ports: 80-82 and 8000-8001',
    ],
    ['', 'No port specified: <empty>'],
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

describe('a -p the CLI refuses, as Docker CLI 28.5 refused it (tests/fixtures/sandbox/real/engine-28/run-p-*.txt)', () => {
  const dir = new URL('../../fixtures/sandbox/real/engine-28/', import.meta.url);
  const captures = readdirSync(dir)
    .filter((f) => f.startsWith('run-p-'))
    .map((f) => recordedBlocks(f)[0]!);
  it.each(captures.map((c) => [c.command, c] as const))('%s', async (command, capture) => {
    expect(await demoSandbox().run(command)).toEqual({
      output: capture.output,
      exitCode: capture.exit,
    });
  });
});
