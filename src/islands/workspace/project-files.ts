/**
 * The files a workspace starts from and the solution it is compared with, read from
 * content/workspace/lessons.json (format: content/workspace/README.md). Pure: it takes the folder's
 * files as a map, so the browser (Vite's import.meta.glob), the build (Workspace.astro) and the unit
 * tests all read lessons.json the same way.
 */

/** One project state: a folder, optionally some of its files, optionally a variant laid on top. */
export interface ProjectState {
  from: string;
  only?: string[];
  overlay?: string;
}
export interface LessonProject {
  start: ProjectState;
  solution: ProjectState;
}
/** project path (e.g. `app/main.py`) → text */
export type ProjectFiles = Record<string, string>;

/** /practice/ and any page without a lesson: the whole finished project, to play with. */
export const PRACTICE: LessonProject = {
  start: { from: 'solution' },
  solution: { from: 'solution' },
};

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

function readState(value: unknown, where: string): ProjectState | string {
  if (typeof value !== 'object' || value === null) return `${where} is not an object`;
  const { from, only, overlay } = value as Record<string, unknown>;
  if (typeof from !== 'string' || from === '')
    return `${where}.from must name a folder under content/workspace/`;
  if (only !== undefined && !isStringArray(only))
    return `${where}.only must be a list of project paths`;
  if (overlay !== undefined && typeof overlay !== 'string')
    return `${where}.overlay must name a folder under content/workspace/`;
  return { from, ...(only ? { only } : {}), ...(overlay ? { overlay } : {}) };
}

/** The lesson's start and solution, or a sentence saying what in lessons.json is wrong. */
export function lessonProject(lessonsJson: unknown, slug: string | null): LessonProject | string {
  if (slug === null) return PRACTICE;
  if (typeof lessonsJson !== 'object' || lessonsJson === null)
    return 'content/workspace/lessons.json is not a JSON object';
  const entry = (lessonsJson as Record<string, unknown>)[slug];
  if (entry === undefined) {
    const known = Object.keys(lessonsJson).join(', ');
    return `content/workspace/lessons.json has no "${slug}" (it has: ${known || 'nothing'})`;
  }
  const start = readState(
    (entry as Record<string, unknown> | null)?.['start'],
    `lessons.json "${slug}".start`,
  );
  if (typeof start === 'string') return start;
  const solution = readState(
    (entry as Record<string, unknown> | null)?.['solution'],
    `lessons.json "${slug}".solution`,
  );
  return typeof solution === 'string' ? solution : { start, solution };
}

/**
 * The state's files. `tree` maps paths relative to content/workspace/ (`solution/app/main.py`) to
 * text. Paths the state names but the tree lacks are returned in `missing`, never thrown.
 */
/**
 * Where a terminal starts: in the project, or in ~ for a lesson whose start is empty (its own
 * first commands are \`mkdir demo\` and \`cd demo\`).
 */
export function startsIn(files: ProjectFiles): 'project' | 'home' {
  return Object.keys(files).length ? 'project' : 'home';
}

export function stateFiles(
  state: ProjectState,
  tree: Readonly<Record<string, string>>,
): { files: ProjectFiles; missing: string[] } {
  const under = (folder: string) => {
    const prefix = `${folder.replace(/\/+$/, '')}/`;
    return Object.keys(tree)
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length));
  };
  const files: ProjectFiles = {};
  const missing: string[] = [];
  const take = (folder: string, path: string) => {
    const text = tree[`${folder}/${path}`];
    if (text === undefined) missing.push(`${folder}/${path}`);
    else files[path] = text;
  };
  for (const path of state.only ?? under(state.from)) take(state.from, path);
  if (state.overlay) for (const path of under(state.overlay)) take(state.overlay, path);
  if (!state.only && under(state.from).length === 0) missing.push(`${state.from}/`);
  return { files, missing };
}

/** `/content/workspace/solution/Dockerfile` → `solution/Dockerfile`, as import.meta.glob keys them. */
export function treeFromGlob(
  modules: Readonly<Record<string, string>>,
  root = '/content/workspace/',
): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const [key, text] of Object.entries(modules))
    if (key.startsWith(root)) tree[key.slice(root.length)] = text;
  return tree;
}
