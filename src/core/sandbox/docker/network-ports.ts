/**
 * Port publishing: `-p` specs, host-port allocation (random ports from 32768, as the daemon's
 * allocator hands them out in order). The PORTS column is written by core/docker's `displayPorts`.
 */
import { readPortSpec, type Port } from '../../docker/index.ts';

/** `8000:8000`, `8080:80`, `127.0.0.1:8000:8000`, `8000`, `8000/udp`, `[::1]:80:80`; Docker's own message otherwise. */
export function parsePublish(spec: string): Port | string {
  const read = readPortSpec(spec);
  if ('error' in read) return cliWords(read.error);
  const { ip, host, container, protocol } = read;
  if (container.first !== container.last || (host && host.first !== host.last))
    return `port ranges are not simulated in the sandbox: publish one port at a time, e.g. -p ${container.first}:${container.first}`;
  // No address means every host address (0.0.0.0 and ::); host port 0, like none, asks the daemon for a free one.
  return {
    hostIp: ip || null,
    hostPort: host && host.first !== 0 ? host.first : null,
    containerPort: container.first,
    protocol,
  };
}

/**
 * The CLI's words for a spec it refuses (lab, CLI 28.5: `Invalid hostPort: 99999`, `Invalid ip
 * address: 1.2.3`, `No port specified: 8000:<empty>`); readPortSpec keeps go-connections' own,
 * which a build's EXPOSE prints.
 */
function cliWords(error: string): string {
  const ip = /^invalid IP address: (.*)$/.exec(error)?.[1];
  // An address with a colon left in it fails Go's net.SplitHostPort, which names it with a colon more.
  if (ip?.includes(':'))
    return `Invalid ip address ${ip}: address ${ip}:: too many colons in address`;
  if (ip !== undefined) return `Invalid ip address: ${ip}`;
  return error[0]!.toUpperCase() + error.slice(1);
}

/** The daemon's ephemeral-port allocator: hands out ports in order, wrapping at the end. */
export class PortAllocator {
  /** the next port to try: kept in a saved session, so ports are handed out as the daemon would */
  next = 32768;

  allocate(isFree: (port: number) => boolean): number | null {
    for (let tries = 0; tries < 60999 - 32768; tries++) {
      const port = this.next;
      this.next = port >= 60999 ? 32768 : port + 1;
      if (isFree(port)) return port;
    }
    return null;
  }
}
