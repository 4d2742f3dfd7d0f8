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
}

export type BuildContext = Map<string, ContextFile>;

export function collectContext(fs: Vfs, dir: string): BuildContext {
  const patterns = readDockerignore(fs.read(`${dir}/.dockerignore`) ?? '');
  const context: BuildContext = new Map();
  for (const rel of fs.walk(dir)) {
    if (isIgnored(patterns, rel)) continue;
    const node = fs.stat(`${dir}/${rel}`)!;
    context.set(rel, { text: node.text, mode: node.mode });
  }
  return context;
}

/** A protobuf varint's length in bytes. */
function varintBytes(n: number): number {
  let bytes = 1;
  for (let rest = n; rest >= 128; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}

/**
 * One file as BuildKit's fsutil sends it: its stat (path, mode, size…) and a data packet of its
 * bytes. Its size is a varint twice (in the stat, and as the packet's length), so a file of 128
 * bytes or more costs 2 more, 16 kB or more 4 more; an empty file has neither. Lab, Engine 28.5 /
 * buildx 0.29, 2026-12-07, `COPY x.txt` of files of 127, 128, 200, 16383, 16384 and 0 bytes named
 * a.txt…f.txt: 159B, 162B, 234B, 16.42kB, 16.42kB, 26B; the lessons' 623-byte Dockerfile is sent
 * as `transferring dockerfile: 662B`.
 */
export function fileTransferBytes(path: string, bytes: number): number {
  const name = byteLength(path);
  if (bytes === 0) return name + 21;
  return name + bytes + 25 + 2 * varintBytes(bytes);
}

/**
 * `transferring context:` as BuildKit counts it: the client sends only what the COPY/ADD sources
 * name (a folder no COPY names is not sent, however big), each file as fileTransferBytes counts it,
 * each directory above one as its path and 26. Lab, Engine 28.5, 2026-12-06: the solution's
 * requirements.txt and app/main.py are 253B, .dockerignore (35 bytes) 75B; with app/big.py (300),
 * app/sub/x.py and a 100 kB docs/ beside them, 666B.
 */
export function transferBytes(context: BuildContext, sent: ReadonlySet<string>): number {
  const dirs = new Set<string>();
  let total = 0;
  for (const path of sent) {
    total += fileTransferBytes(path, byteLength(context.get(path)?.text ?? ''));
    for (let d = path.lastIndexOf('/'); d > 0; d = path.lastIndexOf('/', d - 1))
      dirs.add(path.slice(0, d));
  }
  for (const dir of dirs) total += byteLength(dir) + 26;
  return total;
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
