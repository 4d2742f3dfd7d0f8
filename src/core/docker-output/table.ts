/**
 * CLI tables (tabwriter output): cells are sliced at the header's column starts, which survives
 * single spaces inside cells (`Up 4 seconds`) and empty cells (an exited container's PORTS).
 * When a paste lost the alignment, cells are split on runs of two or more spaces instead.
 */
import type { ScreenLine } from '../text/index.ts';

export interface Row {
  cells: Record<string, string>;
  n: number;
}

interface Column {
  name: string;
  start: number;
}

function columnsOf(header: string, names: string[]): Column[] | null {
  const cols: Column[] = [];
  let from = 0;
  for (const name of names) {
    const at = header.indexOf(name, from);
    if (at === -1) continue;
    cols.push({ name, start: at });
    from = at + name.length;
  }
  return cols.length >= 2 ? cols : null;
}

/** A row aligns when every column starts at a cell boundary (a space before it, or line start). */
function aligned(text: string, cols: Column[]): boolean {
  return cols.every(
    (c, i) =>
      i === 0 || c.start >= text.length || text[c.start - 1] === ' ' || text[c.start - 1] === '\t',
  );
}

export interface Table {
  headerLine: number;
  rows: Row[];
}

/**
 * Reads the table whose header is the first line matching `isHeader`; rows run until a blank line
 * or a line `isRow` rejects. `names` are the header titles to find, in order.
 */
export function readTable(
  lines: ScreenLine[],
  names: string[],
  isRow: (text: string) => boolean = () => true,
): Table | null {
  const h = lines.findIndex((l) => names.filter((name) => l.text.includes(name)).length >= 2);
  if (h === -1) return null;
  const header = lines[h]!;
  const cols = columnsOf(header.text, names);
  if (!cols) return null;
  const rows: Row[] = [];
  for (const line of lines.slice(h + 1)) {
    if (!line.text.trim() || !isRow(line.text)) break;
    rows.push({
      cells: aligned(line.text, cols) ? slice(line.text, cols) : split(line.text, cols),
      n: line.n,
    });
  }
  return { headerLine: header.n, rows };
}

function slice(text: string, cols: Column[]): Record<string, string> {
  const cells: Record<string, string> = {};
  cols.forEach((c, i) => {
    cells[c.name] = text
      .slice(c.start, i + 1 < cols.length ? cols[i + 1]!.start : undefined)
      .trim();
  });
  return cells;
}

function split(text: string, cols: Column[]): Record<string, string> {
  const parts = text.trim().split(/\s{2,}|\t+/);
  const cells: Record<string, string> = {};
  cols.forEach((c, i) => {
    cells[c.name] = parts[i] ?? '';
  });
  return cells;
}
