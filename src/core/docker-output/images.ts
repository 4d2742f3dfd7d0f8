/** `docker images` / `docker image ls` (classic table and Docker 29's tree view) and `podman images`. */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed, type PartOf } from './parsed.ts';
import { normaliseRef } from '../docker/index.ts';
import { formatHeader } from './format-header.ts';
import { readTable } from './table.ts';
import type { ImageRow, Tool } from './types.ts';

const CLASSIC = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];
const TREE = ['IMAGE', 'ID', 'DISK USAGE', 'CONTENT SIZE', 'EXTRA'];

export function parseImages(lines: ScreenLine[], tool: Tool): Parsed<PartOf<'images'>> | null {
  const tree = lines.some((l) => /^IMAGE(?:\/TAGS)?\s+ID\s+DISK USAGE/.test(l.text));
  const table = tree
    ? readTable(
        lines.map((l) => ({ ...l, text: l.text.replace(/^IMAGE\/TAGS/, 'IMAGE     ') })),
        TREE,
      )
    : readTable(lines, customColumns(lines) ?? CLASSIC);
  if (!table) return null;
  const images: ImageRow[] = [];
  const items: number[] = [];
  for (const row of table.rows) {
    const image = tree ? treeRow(row.cells) : classicRow(joined(row.cells));
    if (image === undefined) break;
    if (image === null) continue;
    images.push(image);
    items.push(row.n);
  }
  const legend = lines.find((l) => /^\s+i Info →/.test(l.text));
  const first = legend && legend.n < table.headerLine ? legend.n : table.headerLine;
  return {
    part: {
      kind: 'images',
      tool: tool ?? (lines.some((l) => l.text.startsWith('localhost/')) ? 'podman' : 'docker'),
      format: tree ? 'docker29-tree' : 'table',
      lines: [first, items.length ? items[items.length - 1]! : table.headerLine],
      images: { images },
    },
    marks: { ...noMarks(), items },
  };
}

const ID = /^(?:sha256:)?[0-9a-f]{12,64}$/;

/** The learner's own columns (`--format "table …"`), when the list is not Docker's default. */
function customColumns(lines: ScreenLine[]): string[] | null {
  if (lines.some((l) => /^REPOSITORY\s+TAG\s+(?:IMAGE ID|DIGEST)/.test(l.text))) return null;
  for (const l of lines) {
    const h = formatHeader(l.text);
    if (h?.kind === 'images') return h.columns;
  }
  return null;
}

/** A `REPOSITORY:TAG` column read as the two columns it joins. */
function joined(cells: Record<string, string>): Record<string, string> {
  const both = cells['REPOSITORY:TAG'];
  if (both === undefined) return cells;
  const colon = both.lastIndexOf(':');
  return colon > 0
    ? { ...cells, REPOSITORY: both.slice(0, colon), TAG: both.slice(colon + 1) }
    : { ...cells, REPOSITORY: both };
}

/** undefined: not a row (the table ended); null: a row to skip (a platform line of the tree). */
function classicRow(c: Record<string, string>): ImageRow | undefined {
  // A learner's --format may leave IMAGE ID out; then the repository alone says it is a row.
  if (
    !c['REPOSITORY'] ||
    !ID.test(c['IMAGE ID'] ?? (/^\S+$/.test(c['REPOSITORY']) ? '0'.repeat(12) : ''))
  )
    return undefined;
  const repo = c['REPOSITORY'];
  const tag = c['TAG'] || 'latest';
  // Keep the repository as printed, minus the prefixes the contract drops.
  const ref =
    repo === '<none>' ? null : normaliseRef(`${repo}:${tag === '<none>' ? 'latest' : tag}`);
  return {
    repository: ref ? ref.slice(0, ref.lastIndexOf(':')) : repo,
    tag,
    id: c['IMAGE ID'] ?? '',
    size: c['SIZE'] || null,
  };
}

function treeRow(c: Record<string, string>): ImageRow | null | undefined {
  const name = c['IMAGE'] ?? '';
  if (/^[├└│]/.test(name)) return null;
  if (!name || !ID.test(c['ID'] ?? '')) return undefined;
  const digest = name.indexOf('@');
  if (digest !== -1 || name === '<untagged>')
    return {
      repository: digest === -1 ? name : name.slice(0, digest),
      tag: '<none>',
      id: c['ID']!,
      size: c['DISK USAGE'] || null,
    };
  const ref = normaliseRef(name);
  const colon = ref.lastIndexOf(':');
  return {
    repository: ref.slice(0, colon),
    tag: ref.slice(colon + 1),
    id: c['ID']!,
    size: c['DISK USAGE'] || null,
  };
}
