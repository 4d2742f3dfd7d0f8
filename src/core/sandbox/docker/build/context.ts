/**
 * The build context: the files under the context directory the client sends, after
 * `.dockerignore`. Content and mode only — mtime and owner never reach the builder, which is why
 * `touch` keeps the cache and `chmod` does not (docker-semantics §1.3).
 */
import type { Vfs } from '../../host/vfs.ts';
import { hashParts } from '../../host/sha256.ts';
import { relativeTo } from '../../../text/index.ts';
import { isIgnored, readDockerignore } from '../../../dockerfile/index.ts';
import { globToRegExp } from '../../shell/expand.ts';
import { byteLength } from '../../text/bytes.ts';

export interface ContextFile {
  text: string;
  mode: number;
  /** only for the transfer: a file whose stat is as last sent is not sent again (transferBytes) */
  mtime?: number;
}

export type BuildContext = Map<string, ContextFile>;

export function collectContext(fs: Vfs, dir: string): BuildContext {
  const patterns = readDockerignore(fs.read(`${dir}/.dockerignore`) ?? '');
  const context: BuildContext = new Map();
  for (const rel of fs.walk(dir)) {
    if (isIgnored(patterns, rel)) continue;
    const node = fs.stat(`${dir}/${rel}`)!;
    context.set(rel, { text: node.text, mode: node.mode, mtime: node.mtime });
  }
  return context;
}

/** A protobuf varint's length in bytes. */
function varintBytes(n: number): number {
  let bytes = 1;
  for (let rest = n; rest >= 128; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}

/** What fsutil compares to decide whether a file was sent before: its size, mode and mtime. */
export function statKey(file: ContextFile): string {
  return `${byteLength(file.text)}:${file.mode}:${file.mtime ?? 0}`;
}

/** The stat of each file a build sent, for the next build of the same directory. */
export type SentStats = Record<string, string>;

/** The order fsutil walks a tree in: each directory's entries by name, a directory before its contents. */
function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/**
 * One entry of the fsutil stream, by its place in the walk (`id`): a directory's stat; a file's
 * stat, then its bytes in data packets of 32 KiB, each naming its id (left out when 0), its size a
 * varint in the stat and each packet's length in the packet; an empty file has no size and no data; a file whose stat is as BuildKit last received it
 * from this directory (`unchanged`) sends its stat alone.
 */
function entryBytes(path: string, bytes: number | null, id: number, unchanged: boolean): number {
  const name = byteLength(path);
  if (bytes === null) return name + 20;
  const size = bytes === 0 ? 0 : varintBytes(bytes);
  if (unchanged) return name + 18 + size;
  const idBytes = id === 0 ? 0 : 1 + varintBytes(id);
  if (bytes === 0) return name + 19 + idBytes;
  // The bytes go in chunks of 32 KiB, each a data packet with its id and its length's varint.
  const chunks = Math.ceil(bytes / CHUNK);
  const last = bytes - (chunks - 1) * CHUNK;
  const lengths = (chunks - 1) * varintBytes(CHUNK) + varintBytes(last);
  return name + bytes + 23 + size + lengths + 2 * idBytes + (chunks - 1) * (3 + idBytes);
}

/** fsutil's copy buffer: a file's bytes are sent this many at a time. */
const CHUNK = 32 * 1024;

/** The stream's closing packet. */
const END = 2;

/**
 * `transferring context:` as BuildKit counts it: the bytes of the fsutil stream. The client sends
 * only what the COPY/ADD sources name (a folder no COPY names is not sent, however big) and every
 * directory above them, walked in order (entryBytes). BuildKit keeps the context it was last sent
 * from this directory (the local source `docker builder prune` frees), so on a rebuild a file whose
 * stat is unchanged sends its stat alone. Fitted on the lab, Engine 28.5 / buildx 0.29
 * (tests/fixtures/sandbox/real/engine-28/transfer-*.txt, 2026-12-07) and the lessons' builds: the
 * solution's requirements.txt and app/main.py are 253B, 90B rebuilt unchanged, 216B once main.py
 * changed, 133B after `chmod` of requirements.txt; nothing sent is 2B.
 */
export function transferBytes(
  context: BuildContext,
  sent: ReadonlySet<string>,
  before: SentStats = {},
): number {
  const dirs = new Set<string>();
  for (const path of sent)
    for (let d = path.lastIndexOf('/'); d > 0; d = path.lastIndexOf('/', d - 1))
      dirs.add(path.slice(0, d));
  let total = END;
  [...sent, ...dirs].sort(walkOrder).forEach((path, id) => {
    const file = dirs.has(path) ? undefined : context.get(path);
    const bytes = dirs.has(path) ? null : byteLength(file?.text ?? '');
    total += entryBytes(path, bytes, id, !!file && before[path] === statKey(file));
  });
  return total;
}

/** A file sent alone (the Dockerfile, `.dockerignore`): 662B for the lessons' 623-byte Dockerfile. */
export function fileTransferBytes(path: string, bytes: number): number {
  return END + entryBytes(path, bytes, 0, false);
}

/** The stats of the files sent, as the next build's `before`. */
export function sentStats(context: BuildContext, sent: ReadonlySet<string>): SentStats {
  const stats: SentStats = {};
  for (const path of sent) {
    const file = context.get(path);
    if (file) stats[path] = statKey(file);
  }
  return stats;
}

/**
 * The bytes BuildKit keeps of a context: only the files the build's COPY/ADD sources named (the
 * client sends those alone), counted once (scenario 70: 144B = requirements.txt + app/main.py).
 */
export function sentBytes(context: BuildContext, paths: ReadonlySet<string>): number {
  let total = 0;
  for (const path of paths) total += byteLength(context.get(path)?.text ?? '');
  return total;
}

/** One COPY source resolved against the context: the files it selects, relative to the source. */
export interface Selection {
  source: string;
  /** true when the source names a directory (its contents are copied) */
  directory: boolean;
  files: [string, ContextFile][];
  /** the same files by their path in the context: what the client sends for this source */
  paths: string[];
}

/** Resolves COPY/ADD sources; a source that selects nothing is returned in `missing`. */
export function selectSources(
  context: BuildContext,
  sources: string[],
): { selections: Selection[]; missing: string | null } {
  const selections: Selection[] = [];
  for (const source of sources) {
    const clean = source
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '')
      .replace(/^\.$/, '');
    const selection: Selection = { source, directory: false, files: [], paths: [] };
    if (/[*?]/.test(clean)) {
      const re = globToRegExp(clean);
      for (const [path, file] of context)
        if (re.test(path)) {
          selection.files.push([path.slice(path.lastIndexOf('/') + 1), file]);
          selection.paths.push(path);
        }
    } else {
      for (const [path, file] of context) {
        if (path === clean) {
          selection.files.push([path.slice(path.lastIndexOf('/') + 1), file]);
          selection.paths.push(path);
        } else {
          const rel = clean === '' ? path : relativeTo(clean, path);
          if (rel) {
            selection.directory = true;
            selection.files.push([rel, file]);
            selection.paths.push(path);
          }
        }
      }
    }
    if (selection.files.length === 0) return { selections, missing: `/${clean}` };
    selections.push(selection);
  }
  return { selections, missing: null };
}

/** The content checksum BuildKit keys a COPY on: names, modes and bytes, never mtimes. */
export function selectionChecksum(selections: Selection[]): string {
  return hashParts(
    ...selections.flatMap((s) => [
      s.source,
      ...s.files.flatMap(([p, f]) => [p, f.mode.toString(8), f.text]),
    ]),
  );
}
