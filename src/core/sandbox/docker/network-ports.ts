/**
 * Port publishing: `-p` specs, host-port allocation (random ports from 32768, as the daemon's
 * allocator hands them out in order), and the PORTS column exactly as docker/cli's
 * `DisplayablePorts` renders it (docker-semantics §3.2).
 */
import { readPortSpec } from '../../dockerfile/port-spec.ts';

export interface PublishSpec {
  /** '' means every host address (0.0.0.0 and ::) */
  hostIp: string;
  /** null: a random port */
  hostPort: number | null;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** One row of the Engine's port list for a container. */
export interface PortRow {
  ip: string;
  publicPort: number | null;
  privatePort: number;
  type: string;
}

/** `8000:8000`, `8080:80`, `127.0.0.1:8000:8000`, `8000`, `8000/udp`, `[::1]:80:80`; Docker's own message otherwise. */
export function parsePublish(spec: string): PublishSpec | string {
  const read = readPortSpec(spec);
  if ('error' in read) return read.error;
  const { ip, host, container, protocol } = read;
  if (container.first !== container.last || (host && host.first !== host.last))
    return `port ranges are not simulated in the sandbox: publish one port at a time, e.g. -p ${container.first}:${container.first}`;
  // Host port 0, like none, asks the daemon for a free one.
  return {
    hostIp: ip,
    hostPort: host && host.first !== 0 ? host.first : null,
    containerPort: container.first,
    protocol,
  };
}

export function joinHostPort(ip: string, port: string | number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function displayPorts(rows: PortRow[]): string {
  const sorted = [...rows].sort(
    (a, b) =>
      a.privatePort - b.privatePort ||
      (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0) ||
      (a.publicPort ?? 0) - (b.publicPort ?? 0) ||
      (a.type < b.type ? -1 : 1),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const mappings: string[] = [];
  for (const port of sorted) {
    let key = port.type;
    if (port.ip !== '') {
      if (port.publicPort !== port.privatePort) {
        mappings.push(
          `${joinHostPort(port.ip, port.publicPort ?? 0)}->${port.privatePort}/${port.type}`,
        );
        continue;
      }
      key = `${port.ip}/${port.type}`;
    }
    const group = groups.get(key);
    if (!group) groups.set(key, { first: port.privatePort, last: port.privatePort });
    else if (port.privatePort === group.last + 1) group.last = port.privatePort;
    else {
      result.push(formGroup(key, group.first, group.last));
      groups.set(key, { first: port.privatePort, last: port.privatePort });
    }
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  return [...result, ...mappings].join(', ');
}

function formGroup(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const ip = slash >= 0 ? key.slice(0, slash) : '';
  const type = slash >= 0 ? key.slice(slash + 1) : key;
  let group = first === last ? String(first) : `${first}-${last}`;
  if (ip) group = `${joinHostPort(ip, group)}->${group}`;
  return `${group}/${type}`;
}

/** The daemon's ephemeral-port allocator: hands out ports in order, wrapping at the end. */
export class PortAllocator {
  private next = 32768;

  allocate(isFree: (port: number) => boolean): number | null {
    for (let tries = 0; tries < 60999 - 32768; tries++) {
      const port = this.next;
      this.next = port >= 60999 ? 32768 : port + 1;
      if (isFree(port)) return port;
    }
    return null;
  }
}
