/**
 * Docker CLI tables: Go's tabwriter as the CLI configures it (`tabwriter.NewWriter(out, 10, 1, 3,
 * ' ', 0)`): each column is as wide as its widest cell plus 3, at least 10 (`docker top`: 20); the
 * last column is not padded.
 */
export function renderTable(rows: string[][], minWidth = 10): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i < row.length - 1)
        widths[i] = Math.max(widths[i] ?? 0, Math.max(minWidth, [...cell].length + 3));
    });
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i < row.length - 1 ? padCells(cell, widths[i]!) : cell)).join(''),
    )
    .join('\n');
}

function padCells(cell: string, width: number): string {
  return cell + ' '.repeat(Math.max(0, width - [...cell].length));
}

/** Go's `Ellipsis`: at most `max` characters, the last one `…` when cut. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Go's tabwriter padding with tabs (`tabwriter.NewWriter(out, 1, 8, 1, '\t', 0)`, buildx's
 * tables): a column is its widest cell plus 1, rounded up to a tab stop, and each cell but the
 * last is followed by as many tabs as reach it. Rows written in one flush share their widths.
 */
export function renderTabbed(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, [...cell].length + 1);
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          if (i === row.length - 1) return cell;
          const stop = Math.ceil(widths[i]! / 8) * 8;
          return cell + '\t'.repeat(Math.ceil((stop - [...cell].length) / 8));
        })
        .join(''),
    )
    .join('\n');
}
