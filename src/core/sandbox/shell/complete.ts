/**
 * Tab completion: command names first, then docker subcommands and flags, image and container
 * names where docker expects them, and paths everywhere else.
 */
import type { Host } from '../host/host.ts';
import type { ShellState } from '../commands/types.ts';
import { resolvePath } from '../../text/index.ts';
import { COMPOSE_SUBCOMMANDS, DOCKER_FLAGS, SUBCOMMANDS } from '../docker/cli/subcommands.ts';
import { textWidth } from './text-width.ts';

const IMAGE_ARGS = new Set(['run', 'rmi', 'tag', 'history', 'inspect']);
const CONTAINER_ARGS = new Set(['stop', 'start', 'restart', 'rm', 'logs', 'port', 'inspect']);

export interface Completion {
  /** text to insert at the cursor */
  insert: string;
  /** shown below the prompt when several candidates remain */
  candidates: string[];
}

export function complete(
  before: string,
  commands: string[],
  shell: ShellState,
  host: Host,
): Completion {
  // Only the command being typed counts: what follows the last `;`, `&&`, `||` or `|`.
  const words = before.replace(/^.*(?:;|&&|\|\|?)\s*/s, '').split(/\s+/);
  const current = words.pop() ?? '';
  const previous = words.filter(Boolean);
  let options: string[];
  let isDir = (_: string) => false;
  if (previous.length === 0) options = commands;
  else if (previous[0] === 'docker' && previous.length === 1) options = SUBCOMMANDS;
  else if (previous[0] === 'docker' && previous[1] === 'compose' && previous.length === 2)
    options = [...COMPOSE_SUBCOMMANDS];
  else if (previous[0] === 'docker' && current.startsWith('-'))
    options = [...(DOCKER_FLAGS[previous[1] ?? ''] ?? [])];
  else if (
    previous[0] === 'docker' &&
    IMAGE_ARGS.has(previous[1] ?? '') &&
    !current.includes('/')
  ) {
    options = [
      ...host.engine.images.all().flatMap((i) => i.tags.map((t) => t.replace(/:latest$/, ''))),
      ...(CONTAINER_ARGS.has(previous[1] ?? '') ? host.engine.containers.map((c) => c.name) : []),
    ];
  } else if (previous[0] === 'docker' && CONTAINER_ARGS.has(previous[1] ?? ''))
    options = host.engine.containers.map((c) => c.name);
  else {
    const slash = current.lastIndexOf('/');
    const dir = current.slice(0, slash + 1);
    const names = host.fs.list(resolvePath(shell.cwd, dir || '.', shell.home));
    options =
      typeof names === 'string'
        ? []
        : names
            .filter((n) => current.slice(slash + 1).startsWith('.') || !n.startsWith('.'))
            .map((n) => dir + n);
    isDir = (o) => host.fs.stat(resolvePath(shell.cwd, o, shell.home))?.kind === 'dir';
  }
  const matches = [...new Set(options)].filter((o) => o.startsWith(current)).sort();
  if (matches.length === 0) return { insert: '', candidates: [] };
  if (matches.length === 1)
    return {
      insert: matches[0]!.slice(current.length) + (isDir(matches[0]!) ? '/' : ' '),
      candidates: [],
    };
  let prefix = matches[0]!;
  for (const m of matches) while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return {
    insert: prefix.slice(current.length),
    candidates: prefix.length > current.length ? [] : matches,
  };
}

/** Candidates in columns that fit `cols`, filled down then across as bash lists them; one line each row. */
export function columns(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map(textWidth)) + 2;
  const across = Math.max(1, Math.floor((cols + 2) / width));
  const rows = Math.ceil(items.length / across);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < across && r + c * rows < items.length; c++)
      cells.push(items[r + c * rows]!);
    lines.push(
      cells
        .map((cell, i) =>
          i < cells.length - 1 ? cell + ' '.repeat(width - textWidth(cell)) : cell,
        )
        .join(''),
    );
  }
  return `${lines.join('\n')}\n`;
}
