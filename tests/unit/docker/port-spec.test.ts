import { describe, expect, it } from 'vitest';
import { readPortSpec } from '../../../src/core/docker/index.ts';

// The messages are go-connections' own, as BuildKit prints them for EXPOSE (the runs in
// tests/unit/dockerfile/real/expose-words.txt check them against the engine); these pin the reading.
describe('readPortSpec', () => {
  it.each([
    ['8000', { ip: '', host: null, container: { first: 8000, last: 8000 }, protocol: 'tcp' }],
    [
      '8080:8000',
      {
        ip: '',
        host: { first: 8080, last: 8080 },
        container: { first: 8000, last: 8000 },
        protocol: 'tcp',
      },
    ],
    [
      '127.0.0.1::8000/UDP',
      { ip: '127.0.0.1', host: null, container: { first: 8000, last: 8000 }, protocol: 'udp' },
    ],
    [
      '[::1]:80:80',
      {
        ip: '::1',
        host: { first: 80, last: 80 },
        container: { first: 80, last: 80 },
        protocol: 'tcp',
      },
    ],
    [
      '[::ffff:127.0.0.1]:80:80',
      {
        ip: '::ffff:127.0.0.1',
        host: { first: 80, last: 80 },
        container: { first: 80, last: 80 },
        protocol: 'tcp',
      },
    ],
    ['8000-8002', { ip: '', host: null, container: { first: 8000, last: 8002 }, protocol: 'tcp' }],
    [
      '9000-9010:8000',
      {
        ip: '',
        host: { first: 9000, last: 9010 },
        container: { first: 8000, last: 8000 },
        protocol: 'tcp',
      },
    ],
    ['#', { error: 'invalid containerPort: #' }],
    ['8000-', { error: 'invalid containerPort: 8000-' }],
    ['8002-8000', { error: 'invalid containerPort: 8002-8000' }],
    ['65536', { error: 'invalid containerPort: 65536' }],
    ['x:8000', { error: 'invalid hostPort: x' }],
    [
      '8000-8001:9000-9002',
      { error: 'invalid ranges specified for container and host Ports: 9000-9002 and 8000-8001' },
    ],
    ['8000/http', { error: 'invalid proto: http' }],
    ['256.1.1.1:80:80', { error: 'invalid IP address: 256.1.1.1' }],
    ['[1:2:3:4:5:6:7]:80:80', { error: 'invalid IP address: 1:2:3:4:5:6:7' }],
    ['localhost:80:80', { error: 'invalid IP address: localhost' }],
    ['8000:', { error: 'no port specified: 8000:<empty>' }],
  ])('%j', (raw, expected) => {
    expect(readPortSpec(raw)).toEqual(expected);
  });

  it('never throws on any text', () => {
    for (const raw of [
      '',
      ':',
      '::',
      ':::',
      '/',
      '//',
      '[',
      '[]:1:1',
      '\u0000',
      'a'.repeat(10_000),
      '1:'.repeat(1000),
    ])
      expect(() => readPortSpec(raw)).not.toThrow();
  });
});
