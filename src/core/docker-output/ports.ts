/**
 * The PORTS column of `docker ps` / `docker compose ps` in all its forms: `0.0.0.0:8000->8000/tcp`,
 * `[::]:8000->8000/tcp`, `:::8000->8000/tcp`, `127.0.0.1:8080->8000/tcp`, exposed-only `8000/tcp`,
 * and ranges (`0.0.0.0:18160-18161->8000-8001/tcp`, `8001-8002/tcp`), one entry per port.
 */
import type { PortEntry } from './types.ts';

const ENTRY =
  /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]*\]|::|)(?::))?(\d+)(?:-(\d+))?(?:->(\d+)(?:-(\d+))?)?\/(tcp|udp|sctp)$/;

export function parsePorts(cell: string): PortEntry[] | null {
  const text = cell.trim();
  if (!text) return [];
  const out: PortEntry[] = [];
  for (const raw of text.split(/,\s*/)) {
    const m = ENTRY.exec(raw.trim());
    if (!m) return null;
    const [, ip, a, aEnd, b, bEnd, proto] = m;
    const protocol = proto as PortEntry['protocol'];
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
