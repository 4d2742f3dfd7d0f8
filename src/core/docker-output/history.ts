/** `docker history` (BuildKit rows with `<missing>`, legacy rows with IDs, cut-short `…` text) and `podman history`. */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed, type PartOf } from './parsed.ts';
import { readTable } from './table.ts';
import type { HistoryRow, Tool } from './types.ts';

export function parseHistory(lines: ScreenLine[], tool: Tool): Parsed<PartOf<'history'>> | null {
  const podman = lines.some((l) => /^ID\s+CREATED\s+CREATED BY/.test(l.text));
  const table = readTable(lines, [
    podman ? 'ID' : 'IMAGE',
    'CREATED',
    'CREATED BY',
    'SIZE',
    'COMMENT',
  ]);
  if (!table) return null;
  const layers: HistoryRow[] = [];
  const items: number[] = [];
  for (const row of table.rows) {
    const id = row.cells[podman ? 'ID' : 'IMAGE'] ?? '';
    if (!/^(?:<missing>|(?:sha256:)?[0-9a-f]{12,64})$/.test(id)) break;
    layers.push({
      id: id === '<missing>' ? null : id,
      createdBy: row.cells['CREATED BY'] ?? '',
      size: row.cells['SIZE'] || null,
    });
    items.push(row.n);
  }
  return {
    part: {
      kind: 'history',
      tool: tool ?? (podman ? 'podman' : 'docker'),
      format: 'table',
      lines: [table.headerLine, items.length ? items[items.length - 1]! : table.headerLine],
      history: { layers },
    },
    marks: { ...noMarks(), items },
  };
}
