import { describe, expect, it } from 'vitest';
import {
  preloadsNotLoaded,
  workspaceOnlyModules,
  type GraphNode,
} from '../../../src/node/build/workspace-chunk.ts';

/** A module graph as rolldown gives it, from `id: static imports | dynamic imports`. */
function graphOf(lines: Record<string, string>, entries: string[]) {
  const nodes = new Map<string, GraphNode & { importers: string[]; dynamicImporters: string[] }>();
  const node = (id: string) => {
    if (!nodes.has(id))
      nodes.set(id, {
        isEntry: entries.includes(id),
        importers: [],
        dynamicImporters: [],
        importedIds: [],
        dynamicallyImportedIds: [],
      });
    return nodes.get(id)!;
  };
  for (const [id, line] of Object.entries(lines)) {
    const [statics = '', dynamics = ''] = line.split('|').map((s) => s.trim());
    const from = node(id);
    for (const to of statics.split(/\s+/).filter(Boolean)) {
      (from.importedIds as string[]).push(to);
      node(to).importers.push(id);
    }
    for (const to of dynamics.split(/\s+/).filter(Boolean)) {
      (from.dynamicallyImportedIds as string[]).push(to);
      node(to).dynamicImporters.push(id);
    }
  }
  return (id: string) => nodes.get(id) ?? null;
}

// The site's shape: the button script loads the workspace on demand; a paste check loads the
// checkers on demand, which share the Docker facts with the sandbox; the sandbox loads its later
// commands on demand, and they import the sandbox's modules back.
const site = graphOf(
  {
    'button.ts': 'text.ts | open-workspace.ts',
    'exercise.ts': 'storage.ts | checkers.ts',
    'checkers.ts': 'docker.ts text.ts',
    'open-workspace.ts': 'shell.ts storage.ts text.ts | terminal-view.ts cli.ts',
    'shell.ts': 'docker.ts gaps.ts',
    'gaps.ts': 'not-simulated.ts',
    'cli.ts': 'gaps.ts images.ts',
    'terminal-view.ts': 'xterm.ts shell.ts',
  },
  ['button.ts', 'exercise.ts'],
);

describe('the workspace chunk (what only the workspace entry brings)', () => {
  const only = workspaceOnlyModules(site, 'open-workspace.ts');

  it('holds the entry and every module only it imports, statically, at any depth', () => {
    expect([...only].sort()).toEqual([
      'gaps.ts',
      'not-simulated.ts',
      'open-workspace.ts',
      'shell.ts',
    ]);
  });

  it('leaves out what a page reaches without the workspace, statically or on demand', () => {
    for (const shared of ['text.ts', 'storage.ts', 'docker.ts']) expect(only).not.toContain(shared);
  });

  it('leaves out what loads after the prompt (imported on demand)', () => {
    for (const later of ['terminal-view.ts', 'cli.ts', 'xterm.ts', 'images.ts'])
      expect(only).not.toContain(later);
  });

  it('holds a module a later chunk shares with the entry (that chunk only loads after it)', () => {
    expect(only).toContain('gaps.ts');
  });
});

// Since the terminal's first moments come in a small chunk of their own: the button loads it
// beside the entry (which takes its terminal over, importing only its types), and its terminal
// loads xterm on demand, which shares the sandbox's modules with the entry.
const split = graphOf(
  {
    'button.ts': 'text.ts | start.ts open-workspace.ts',
    'start.ts': 'plain-view.ts prompt.ts | terminal-view.ts',
    'open-workspace.ts': 'shell.ts text.ts',
    'shell.ts': 'prompt.ts width.ts',
    'terminal-view.ts': 'xterm.ts width.ts',
  },
  ['button.ts'],
);

describe('the workspace chunk beside the small chunk that starts the terminal', () => {
  const only = workspaceOnlyModules(split, 'open-workspace.ts', ['start.ts']);

  it('leaves out the small chunk and what it imports (loaded beside the entry, not from it)', () => {
    for (const early of ['start.ts', 'plain-view.ts', 'prompt.ts'])
      expect(only).not.toContain(early);
  });

  it("keeps the sandbox's modules that xterm, loaded on demand by the small chunk, shares", () => {
    expect([...only].sort()).toEqual(['open-workspace.ts', 'shell.ts', 'width.ts']);
  });

  it('without the small chunk named, its on-demand xterm would take the shared modules out', () => {
    expect(workspaceOnlyModules(split, 'open-workspace.ts')).not.toContain('width.ts');
  });
});

describe('the small chunk, cut the same way with the entry as a wall', () => {
  const first = workspaceOnlyModules(
    split,
    'start.ts',
    ['open-workspace.ts'],
    ['open-workspace.ts'],
  );

  it('holds what it shares with the entry only (the prompt), not what a page reaches', () => {
    expect([...first].sort()).toEqual(['plain-view.ts', 'prompt.ts', 'start.ts']);
  });

  it('without the wall, the entry that the button loads beside it takes the shared prompt out', () => {
    expect(workspaceOnlyModules(split, 'start.ts', ['open-workspace.ts'])).not.toContain(
      'prompt.ts',
    );
  });
});

describe("a dynamic import's preload list", () => {
  const chunks = {
    'button.js': { type: 'chunk', imports: ['text.js', 'helper.js'] },
    'text.js': { type: 'chunk', imports: ['runtime.js'] },
    'helper.js': { type: 'chunk', imports: [] },
    'start.js': { type: 'chunk', imports: ['text.js', 'storage.js'] },
  };

  it('leaves out what the importing chunk has loaded, at any depth, and keeps the rest in order', () => {
    expect(
      preloadsNotLoaded(
        ['start.js', 'text.js', 'runtime.js', 'storage.js', 'helper.js'],
        'button.js',
        chunks,
      ),
    ).toEqual(['start.js', 'storage.js']);
  });

  it('keeps everything for a chunk it does not know', () => {
    expect(preloadsNotLoaded(['a.js', 'b.js'], 'elsewhere.js', chunks)).toEqual(['a.js', 'b.js']);
  });
});
