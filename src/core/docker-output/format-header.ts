/**
 * The header of a table the learner formatted (`docker ps --format "table {{.Names}}\t{{.Ports}}"`,
 * `docker images --format "table {{.Repository}}:{{.Tag}}\t{{.Size}}"`): Docker prints each
 * placeholder's title, in capitals, in the learner's order, with the learner's own separators.
 */
const PS_ONLY = [
  'CONTAINER ID',
  'COMMAND',
  'RUNNING FOR',
  'STATUS',
  'STATE',
  'PORTS',
  'NAMES',
  'MOUNTS',
  'NETWORKS',
  'LABELS',
];
const IMAGES_ONLY = [
  'REPOSITORY',
  'TAG',
  'IMAGE ID',
  'DIGEST',
  'SHARED SIZE',
  'UNIQUE SIZE',
  'CONTAINERS',
];
const BOTH = ['IMAGE', 'CREATED AT', 'CREATED', 'SIZE', 'ID'];
const TITLES = new Set([...PS_ONLY, ...IMAGES_ONLY, ...BOTH]);

export interface FormatHeader {
  kind: 'ps' | 'images';
  /** the header's columns as printed, e.g. `REPOSITORY:TAG` for a joined column */
  columns: string[];
}

export function formatHeader(text: string): FormatHeader | null {
  // Titles are capitals; a cheap test first, since every line of a paste comes here.
  if (!/^[A-Z][A-Z \t:./@-]*[A-Z]\s*$/.test(text)) return null;
  const columns = text.trim().split(/\t+|\s{2,}/);
  if (columns.length < 2) return null;
  const titles = columns.flatMap((c) => c.split(/\s*[:/@-]\s*/));
  if (!titles.every((t) => TITLES.has(t))) return null;
  if (titles.some((t) => PS_ONLY.includes(t))) return { kind: 'ps', columns };
  if (titles.some((t) => IMAGES_ONLY.includes(t))) return { kind: 'images', columns };
  return null;
}
