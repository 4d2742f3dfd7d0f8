/**
 * `docker builder prune` and `docker system df` as a learner reads them, with what differs between
 * two honest runs taken out (normalise.ts's rules, plus what these two commands add).
 */
import { type IdNames, normaliseTable, normaliseText } from './normalise.ts';

/**
 * buildx lists the records as BuildKit frees them, in no set order (the same build's three
 * sources came context, .dockerignore, Dockerfile once and Dockerfile, .dockerignore, context the
 * next time), and its tabwriter flushes the header with the first record, so that record's tabs
 * follow the header's widths: the records are compared as a set of cells, the header and the
 * total as printed.
 */
export function normalisePrune(lines: string[], ids: IdNames): string[] {
  const cells = (line: string) =>
    line
      .split(/\t+/)
      .map((cell) => normaliseText(cell.trim(), ids))
      .join(' | ');
  const header = lines.findIndex((l) => l.includes('ID\t'));
  const total = lines.findIndex((l) => l.startsWith('Total:'));
  if (header < 0 || total < 0) return lines.map((l) => normaliseText(l, ids));
  return [
    ...lines.slice(0, header + 1).map((l) => normaliseText(l, ids)),
    ...lines
      .slice(header + 1, total)
      .map(cells)
      .sort(),
    ...lines.slice(total).map(cells),
  ];
}

/** The rows of the plain table that count the whole engine's images and volumes. */
const ENGINE_WIDE = ['Images', 'Local Volumes'];

/**
 * `docker system df`: the Images and Local Volumes rows count every image and volume on the
 * engine, other people's too on a shared one (the lab's recording counted two foreign images and
 * a volume), so only their names are compared; `-v` lists each image, container and volume on its
 * own row, where other people's are left out like any foreign row, so every figure of the
 * scenario's own is compared there. `-v` prints four tables, each cut at its own header; the build
 * cache's records come sorted by when they were last used, which the normalised times no longer
 * show, so they are compared as a set, with their random IDs named `<cache-id>`; the images' rows
 * are a set as well (see below).
 */
export function normaliseDiskUsage(lines: string[], ids: IdNames, verbose: boolean): string[] {
  if (!verbose) {
    const table = normaliseTable(lines, ids);
    if (!table) return lines.map((l) => normaliseText(l, ids));
    return table.map((row) => {
      const type = row.split(' | ')[0]!;
      return ENGINE_WIDE.includes(type) ? `${type} | <the whole engine's>` : row;
    });
  }
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (!block.length) return;
    const header = block[0]!;
    const table = normaliseTable(block, ids);
    if (!table) out.push(...block.map((l) => normaliseText(l, ids)));
    // Images come newest first, and a build whose steps were all cached takes its created time
    // from the cache (older than an image built before it, when another scenario made those
    // steps first): their order says when the engine first ran the steps, so it is a set too.
    else if (header.startsWith('REPOSITORY')) out.push(table[0]!, ...table.slice(1).sort());
    else if (header.startsWith('CACHE ID'))
      out.push(
        table[0]!,
        ...table
          .slice(1)
          .map((row) => row.replace(/^[^ |]+/, '<cache-id>'))
          .sort(),
      );
    else out.push(...table);
    block = [];
  };
  for (const line of lines) {
    if (line === '') {
      flush();
      out.push('');
    } else block.push(line);
  }
  flush();
  return out;
}
