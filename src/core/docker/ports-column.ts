/**
 * The PORTS column of `docker ps` / `docker compose ps`, read and written: `0.0.0.0:8000->8000/tcp`,
 * `[::]:8000->8000/tcp`, `:::8000->8000/tcp` (CLI before 27.2), `127.0.0.1:8080->8000/tcp`,
 * exposed-only `8000/tcp`, and ranges (`0.0.0.0:18160-18161->8000-8001/tcp`, `8001-8002/tcp`).
 * Written exactly as docker/cli's `DisplayablePorts` renders it (docker-semantics §3.2).
 */
import type { Port, PortProtocol } from './ports.ts';

const ENTRY =
  /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]*\]|::|)(?::))?(\d+)(?:-(\d+))?(?:->(\d+)(?:-(\d+))?)?\/(tcp|udp|sctp)$/;

/** One entry per port (a range gives one per port); null when the cell is not a PORTS column. */
export function readPortsColumn(cell: string): Port[] | null {
  const text = cell.trim();
  if (!text) return [];
  const out: Port[] = [];
  for (const raw of text.split(/,\s*/)) {
    const m = ENTRY.exec(raw.trim());
    if (!m) return null;
    const [, ip, a, aEnd, b, bEnd, proto] = m;
    const protocol = proto as PortProtocol;
    const published = b !== undefined;
    const hostFrom = Number(a);
    const containerFrom = published ? Number(b) : hostFrom;
    const count = (published ? Number(bEnd ?? b) - Number(b) : Number(aEnd ?? a) - hostFrom) + 1;
    if (count < 1 || count > 65536) return null;
    const hostIp = published ? hostIpOf(ip) : null;
    for (let i = 0; i < count; i++) {
      out.push({
        hostIp,
        hostPort: published ? hostFrom + i : null,
        containerPort: containerFrom + i,
        protocol,
      });
    }
  }
  return out;
}

function hostIpOf(ip: string | undefined): string {
  if (ip === undefined || ip === '') return '0.0.0.0';
  // `:::8000->` (CLI before 27.2) and `[::]:8000->` both mean every IPv6 address.
  return ip === '::' ? '::' : ip.replace(/^\[|\]$/g, '');
}

/** `127.0.0.1:8000`, `[::1]:8000` */
export function joinHostPort(ip: string, port: string | number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** One port on its own: `0.0.0.0:8000->8000/tcp`, or `8000/tcp` when only exposed. */
export function portText(p: Port): string {
  return p.hostPort === null
    ? `${p.containerPort}/${p.protocol}`
    : `${joinHostPort(p.hostIp ?? '', p.hostPort)}->${p.containerPort}/${p.protocol}`;
}

/** The whole column, grouped and ordered as docker/cli prints it. */
export function displayPorts(ports: readonly Port[]): string {
  const ipOf = (p: Port) => (p.hostPort === null ? '' : (p.hostIp ?? ''));
  const sorted = [...ports].sort(
    (a, b) =>
      a.containerPort - b.containerPort ||
      (ipOf(a) < ipOf(b) ? -1 : ipOf(a) > ipOf(b) ? 1 : 0) ||
      (a.hostPort ?? 0) - (b.hostPort ?? 0) ||
      (a.protocol < b.protocol ? -1 : 1),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const mappings: string[] = [];
  for (const port of sorted) {
    let key: string = port.protocol;
    const ip = ipOf(port);
    if (ip !== '') {
      if (port.hostPort !== port.containerPort) {
        mappings.push(portText(port));
        continue;
      }
      key = `${ip}/${port.protocol}`;
    }
    const group = groups.get(key);
    if (!group) groups.set(key, { first: port.containerPort, last: port.containerPort });
    else if (port.containerPort === group.last + 1) group.last = port.containerPort;
    else {
      result.push(formGroup(key, group.first, group.last));
      groups.set(key, { first: port.containerPort, last: port.containerPort });
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
