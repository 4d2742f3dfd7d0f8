/**
 * A port as Docker reads it in `docker run -p` and in EXPOSE: `[ip:][hostPort:]containerPort[/proto]`,
 * each port a number or a range. One reader for the sandbox's `-p` and the builder's EXPOSE, failing
 * with go-connections' words, as BuildKit prints them for EXPOSE (`dockerfile2llb/convert_expose.go`,
 * tests/unit/dockerfile/real/expose-words.txt); CLI 28.5 capitalises them for `-p` (the sandbox's
 * network-ports.ts, tests/fixtures/sandbox/real/engine-28/run-p-*.txt).
 */
export type PortProtocol = 'tcp' | 'udp' | 'sctp';

/**
 * One port of a container as Docker lists it (the Engine's `Ports`, a `docker ps` PORTS entry, a
 * `-p` binding): published when it has a host port, exposed only otherwise.
 */
export interface Port {
  /** null when not published, or when the output does not say */
  hostIp: string | null;
  /** null when not published (or a random one was asked for) */
  hostPort: number | null;
  containerPort: number;
  protocol: PortProtocol;
}

export interface PortNumbers {
  first: number;
  last: number;
}

export interface PortSpec {
  /** '' when none is given; IPv6 without its brackets */
  ip: string;
  /** null when none is given (`-p 8000`, `-p 127.0.0.1::8000`, and every EXPOSE word) */
  host: PortNumbers | null;
  container: PortNumbers;
  protocol: PortProtocol;
}

export function readPortSpec(raw: string): PortSpec | { error: string } {
  const parts = raw.split(':');
  const last = parts[parts.length - 1] ?? '';
  const hostText = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
  let ip = parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
  // [LOCAL] `8050/tcp/udp` exposed 8050/tcp: the word after the first slash names the protocol.
  const [containerText = '', written = ''] = last.split('/');
  const protocol = (written || 'tcp').toLowerCase();

  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  if (ip !== '' && !isIpAddress(ip)) return { error: `invalid IP address: ${ip}` };
  if (containerText === '') return { error: `no port specified: ${raw}<empty>` };
  const container = readPortNumbers(containerText);
  if (!container) return { error: `invalid containerPort: ${containerText}` };
  let host: PortNumbers | null = null;
  if (hostText !== '') {
    host = readPortNumbers(hostText);
    if (!host) return { error: `invalid hostPort: ${hostText}` };
    // A host range with a single container port is a range to pick a free host port from.
    if (
      container.last - container.first !== host.last - host.first &&
      container.last !== container.first
    )
      return {
        error: `invalid ranges specified for container and host Ports: ${containerText} and ${hostText}`,
      };
  }
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp')
    return { error: `invalid proto: ${protocol}` };
  return { ip, host, container, protocol };
}

/** `8000` or `8000-8010`: unsigned 16-bit numbers, the range not backwards. */
function readPortNumbers(text: string): PortNumbers | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  const last = Number(m[2] ?? m[1]);
  return first <= 65535 && last <= 65535 && first <= last ? { first, last } : null;
}

function isIpAddress(text: string): boolean {
  if (isIpv4(text)) return true;
  // IPv6: up to eight hex groups, at most one `::`, an IPv4 address allowed as the tail.
  const groups = text.split(':');
  const tail = groups[groups.length - 1] ?? '';
  const v4Tail = isIpv4(tail);
  const hex = v4Tail ? groups.slice(0, -1) : groups;
  const compressed = text.split('::').length - 1;
  const count = hex.filter((g) => g !== '').length + (v4Tail ? 2 : 0);
  return (
    groups.length >= 3 &&
    compressed <= 1 &&
    hex.every((g) => /^[0-9a-fA-F]{0,4}$/.test(g)) &&
    (compressed === 1 ? count <= 7 : count === 8 && !hex.includes(''))
  );
}

function isIpv4(text: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}
