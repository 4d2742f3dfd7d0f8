/**
 * The workspace's code up to its prompt in one chunk (issue 14 item 2). Left to itself, the bundler
 * cuts what `open-workspace.ts` imports into a chunk per set of importers (the sandbox's parts are
 * shared with the commands that load later), and the prompt then waited for 15 scripts: over
 * HTTP/1.1's six connections at Slow 4G's 562 ms round trip, three round trips. This group puts
 * every module the entry imports statically into the entry's own chunk, except the modules a page
 * can reach without opening the workspace (the paste checkers' Docker facts, the site's storage and
 * text helpers): those stay in their shared chunks, so no page's first load or paste check grows.
 */
import { fileURLToPath } from 'node:url';

/** What this needs of the bundler's module graph (rolldown's ModuleInfo). */
export interface GraphNode {
  isEntry: boolean;
  importers: readonly string[];
  dynamicImporters: readonly string[];
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
export type Graph = (id: string) => GraphNode | null;

export const WORKSPACE_ENTRY_MODULE = fileURLToPath(
  new URL('../../islands/workspace/open-workspace.ts', import.meta.url),
);
const WORKSPACE_START_MODULE = fileURLToPath(
  new URL('../../islands/workspace/start-workspace.ts', import.meta.url),
);
/** The chunk's name, which the service worker's build recognises (service-worker-build.ts). */
export const WORKSPACE_CHUNK = 'open-workspace';
/**
 * The small chunk the launcher fetches beside it (src/islands/workspace/start-workspace.ts: the
 * terminal and its prompt while the simulator arrives); named after its module, as dynamic
 * imports are. The service worker's build treats it as the workspace's too.
 */
export const WORKSPACE_START_CHUNK = 'start-workspace';

/** Every module reached from `starts` along `next`, not going through `walls`. */
function reach(
  graph: Graph,
  starts: Iterable<string>,
  next: (n: GraphNode, id: string) => readonly string[],
  walls: readonly string[] = [],
) {
  const seen = new Set<string>();
  const queue = [...starts].filter((id) => !walls.includes(id));
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = graph(id);
    if (node)
      for (const to of next(node, id)) if (!walls.includes(to) && !seen.has(to)) queue.push(to);
  }
  return seen;
}

/**
 * The modules only the workspace's entry brings: its static imports (transitively) that no page
 * entry reaches, statically or on demand, without passing through the entry itself. `companions`
 * are the workspace's other entries (start-workspace.ts, the small chunk that draws the terminal
 * while the entry arrives): what their modules, or the entry's, load on demand (xterm, once the
 * simulator runs) is not counted as a page's, so the sandbox modules xterm shares stay in the
 * entry's chunk (were xterm first, its import of them would fetch that chunk: never wrong). A page
 * reaching a module only through one of `walls` (another workspace entry, fetched with this one)
 * does not count either.
 */
export function workspaceOnlyModules(
  graph: Graph,
  entry: string,
  companions: readonly string[] = [],
  walls: readonly string[] = [],
): Set<string> {
  const statics = reach(graph, [entry], (n) => n.importedIds);
  const workspace = reach(graph, [entry, ...companions], (n) => n.importedIds);
  const ancestors = reach(graph, statics, (n) => [...n.importers, ...n.dynamicImporters]);
  const pages = [...ancestors].filter((id) => graph(id)?.isEntry && id !== entry);
  const outside = reach(
    graph,
    pages,
    (n, id) =>
      workspace.has(id) ? n.importedIds : [...n.importedIds, ...n.dynamicallyImportedIds],
    [entry, ...walls],
  );
  return new Set([...statics].filter((id) => !outside.has(id)));
}

/** What this needs of a chunk in the bundle: the chunks it imports statically. */
export type Chunks = Record<string, { type: string; imports?: readonly string[] } | undefined>;

/**
 * A dynamic import's preload list (Vite's `modulePreload.resolveDependencies`) without the chunks
 * the importing chunk has already loaded: its static imports, at any depth, ran before it did.
 * Vite leaves only the importer itself out, so the workspace's button script, in every lesson's
 * first load, named the shared helpers it imports in both of its chunks' lists.
 */
export function preloadsNotLoaded(deps: string[], host: string, chunks: Chunks): string[] {
  const loaded = new Set<string>();
  const visit = (file: string) => {
    for (const dep of chunks[file]?.imports ?? [])
      if (!loaded.has(dep)) visit((loaded.add(dep), dep));
  };
  visit(host);
  return deps.filter((dep) => !loaded.has(dep));
}

/**
 * The Vite plugin (astro.config.mjs) that cuts the client build this way: rolldown's
 * `output.codeSplitting` group, and entry signatures that may gain exports, which a group that
 * leaves its shared dependencies out needs (Astro asks for "exports-only", which matters to its
 * server build; the client's entries are the pages' scripts, which export nothing).
 */
export function workspaceChunk(
  entry = WORKSPACE_ENTRY_MODULE,
  companions = [WORKSPACE_START_MODULE],
) {
  let only: Set<string> | undefined;
  let startOnly: Set<string> | undefined;
  // The shared modules each imports stay where they are (they never import one of its modules,
  // so no cycle can form).
  const group = {
    name: (id: string, ctx: { getModuleInfo: Graph }) => {
      only ??= workspaceOnlyModules((m) => ctx.getModuleInfo(m), entry, companions);
      return only.has(id) ? WORKSPACE_CHUNK : null;
    },
    includeDependenciesRecursively: false,
  };
  // The first chunk, likewise: what it shares with the simulator's chunk only (the prompt, the
  // plain terminal's keys) is in it, not in chunks of their own, so the prompt waits for one
  // script, not three, and the button script names fewer files.
  const startGroup = {
    name: (id: string, ctx: { getModuleInfo: Graph }) => {
      startOnly ??= workspaceOnlyModules(
        (m) => ctx.getModuleInfo(m),
        companions[0]!,
        [entry],
        [entry],
      );
      return startOnly.has(id) ? WORKSPACE_START_CHUNK : null;
    },
    includeDependenciesRecursively: false,
  };
  let chunks: Chunks = {};
  return {
    name: 'layerwise-workspace-chunk',
    apply: 'build' as const,
    applyToEnvironment: (environment: { name: string }) => environment.name === 'client',
    buildStart() {
      only = startOnly = undefined; // a new build, a new graph
    },
    configEnvironment(name: string) {
      if (name !== 'client') return;
      const resolveDependencies = (_file: string, deps: string[], context: { hostId: string }) =>
        preloadsNotLoaded(deps, context.hostId, chunks);
      return { build: { modulePreload: { resolveDependencies } } };
    },
    // A normal plugin's generateBundle runs before Vite's import analysis writes the preload lists.
    generateBundle(_options: unknown, bundle: Chunks) {
      chunks = bundle;
    },
    options(options: Record<string, unknown>) {
      return { ...options, preserveEntrySignatures: 'allow-extension' as const };
    },
    outputOptions(output: Record<string, unknown>) {
      return {
        ...output,
        codeSplitting: { groups: [group, ...(companions.length ? [startGroup] : [])] },
      };
    },
  };
}
