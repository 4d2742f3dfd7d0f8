/** One part of `npm run bench`: a titled table of figures, with the targets it is read against. */
export interface BenchSection {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** targets and how the figures were taken, printed under the table */
  notes?: string[];
}

/** The median of the numbers given (NaN, a figure a run could not give, left out; NaN if none). */
export function median(values: number[]): number {
  const s = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function formatTable(section: BenchSection): string {
  const cells = [section.columns, ...section.rows.map((r) => r.map(String))];
  const widths = section.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `\n${section.title}`,
    line(section.columns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...section.rows.map((r) => line(r.map(String))),
    ...(section.notes ?? []).map((n) => `  · ${n}`),
  ].join('\n');
}
