/** The PORTS column, written as docker/cli's DisplayablePorts does and read back by the parser. */
import { describe, expect, it } from 'vitest';
import {
  displayPorts,
  portText,
  readPortsColumn,
  type Port,
} from '../../../src/core/docker/index.ts';

const both = (host: number, container: number): Port[] => [
  { hostIp: '0.0.0.0', hostPort: host, containerPort: container, protocol: 'tcp' },
  { hostIp: '::', hostPort: host, containerPort: container, protocol: 'tcp' },
];
const exposed = (port: number): Port => ({
  hostIp: null,
  hostPort: null,
  containerPort: port,
  protocol: 'tcp',
});

// Expected strings are the PORTS column of real `docker ps` (tests/fixtures/sandbox/real/ps-a.txt,
// and docker-semantics §3.1 [LOCAL] for ranges and multiple -p).
describe('displayPorts (docker/cli DisplayablePorts)', () => {
  it.each<[string, Port[], string]>([
    ['-p 8000:8000', both(8000, 8000), '0.0.0.0:8000->8000/tcp, [::]:8000->8000/tcp'],
    [
      '-p 127.0.0.1:8001:8000',
      [{ hostIp: '127.0.0.1', hostPort: 8001, containerPort: 8000, protocol: 'tcp' }],
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

describe('portText and readPortsColumn agree', () => {
  it.each<[Port, string]>([
    [
      { hostIp: '0.0.0.0', hostPort: 8000, containerPort: 8000, protocol: 'tcp' },
      '0.0.0.0:8000->8000/tcp',
    ],
    [{ hostIp: '::', hostPort: 8000, containerPort: 8000, protocol: 'tcp' }, '[::]:8000->8000/tcp'],
    [
      { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' },
      '127.0.0.1:8080->80/udp',
    ],
    [{ hostIp: null, hostPort: null, containerPort: 8000, protocol: 'tcp' }, '8000/tcp'],
  ])('%j is %s', (port, text) => {
    expect(portText(port)).toBe(text);
    expect(readPortsColumn(text)).toEqual([port]);
  });
});
