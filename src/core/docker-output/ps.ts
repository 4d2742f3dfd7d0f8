/** `docker ps` / `ps -a`, `podman ps`, `docker compose ps` (v2 and v1) tables. */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed, type PartOf } from './parsed.ts';
import { readPortsColumn } from '../docker/index.ts';
import { formatHeader } from './format-header.ts';
import { readTable, type Row } from './table.ts';
import type { PsContainer, Tool } from './types.ts';

const DOCKER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];
const COMPOSE = ['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'STATE', 'PORTS'];
const COMPOSE_V1 = ['Name', 'Command', 'State', 'Ports'];

export function parsePs(lines: ScreenLine[], tool: Tool): Parsed<PartOf<'ps'>> | null {
  let custom: string[] | null = null;
  let headerAt = -1;
  for (let i = 0; i < lines.length && headerAt === -1; i++) {
    const text = lines[i]!.text;
    if (/^(?:CONTAINER ID\s+IMAGE|NAME\s)|^\s*Name\s+Command/.test(text)) headerAt = i;
    else if ((custom = formatHeader(text)?.columns ?? null)) headerAt = i;
  }
  if (headerAt === -1) return null;
  const header = lines[headerAt]!.text;
  const v1 = /^\s*Name\s+Command/.test(header);
  const compose = v1 || (!custom && header.startsWith('NAME'));
  // Compose v1 draws a dashed rule under its header.
  const body = v1 ? lines.filter((l, i) => i !== headerAt + 1 || !/^-+$/.test(l.text)) : lines;
  const table = readTable(
    body.slice(body.indexOf(lines[headerAt]!)),
    custom ?? (v1 ? COMPOSE_V1 : compose ? COMPOSE : DOCKER),
  );
  if (!table) return null;
  const containers: PsContainer[] = [];
  const items: number[] = [];
  for (const row of table.rows) {
    const c = containerOf(row, custom?.includes('NAMES') === false);
    if (!c) break;
    containers.push(c);
    items.push(row.n);
  }
  const last = items.length ? items[items.length - 1]! : table.headerLine;
  return {
    part: {
      kind: 'ps',
      tool: compose ? 'compose' : (tool ?? 'docker'),
      format: 'table',
      lines: [table.headerLine, last],
      ps: { containers },
    },
    marks: { ...noMarks(), items },
  };
}

/** `unnamed`: the learner's columns leave the names out. */
function containerOf(row: Row, unnamed = false): PsContainer | null {
  const c = row.cells;
  let ports = readPortsColumn(c['PORTS'] ?? c['Ports'] ?? '');
  let names = c['NAMES'] ?? c['NAME'] ?? c['Name'] ?? '';
  // A paste that lost its alignment and had an empty PORTS cell shifts NAMES left.
  if (ports === null && !names && c['PORTS']) {
    names = c['PORTS'];
    ports = [];
  }
  if (ports === null || (!names && !unnamed)) return null;
  const status = c['STATUS'] ?? c['State'] ?? c['STATE'] ?? '';
  const exited = /^Exit(?:ed)?\s*\(?(-?\d+)\)?/i.exec(status);
  const command = c['COMMAND'] ?? c['Command'];
  return {
    id: c['CONTAINER ID'] ?? null,
    image: c['IMAGE'] ?? '',
    command: command ? command.replace(/^"|"$/g, '') : null,
    status,
    // Without a STATUS column, a published host port still tells: Docker lists none for stopped containers.
    running: status ? /^(?:Up\b|running)/i.test(status) : ports.some((p) => p.hostPort !== null),
    exitCode: exited ? Number(exited[1]) : null,
    ports,
    names,
  };
}
