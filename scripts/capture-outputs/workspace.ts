/**
 * Project states, as content/workspace/lessons.json and the lab scenarios name them, turned into files.
 * The format is documented in content/workspace/README.md; this is its one reader on Node.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const WORKSPACE = join(ROOT, 'content/workspace');

export interface WorkspaceState {
  /** a folder under content/workspace/ that holds a whole project, e.g. `solution` */
  from: string;
  /** take only these project files from it; absent means all of them, `[]` an empty project */
  only?: string[];
  /** a folder under content/workspace/ whose files replace or add to the project's, e.g. `variants/loopback` */
  overlay?: string;
}

/** Every file below `dir`, dotfiles included, as slash-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** project path -> absolute path of the file it comes from */
export function stateFiles(state: WorkspaceState): Map<string, string> {
  const base = join(WORKSPACE, state.from);
  if (!existsSync(base))
    throw new Error(`workspace state: content/workspace/${state.from} does not exist`);
  const files = new Map<string, string>();
  for (const path of state.only ?? listFiles(base)) {
    if (!existsSync(join(base, path)))
      throw new Error(`workspace state: content/workspace/${state.from}/${path} does not exist`);
    files.set(path, join(base, path));
  }
  if (state.overlay) {
    const overlay = join(WORKSPACE, state.overlay);
    if (!existsSync(overlay))
      throw new Error(`workspace state: content/workspace/${state.overlay} does not exist`);
    for (const path of listFiles(overlay)) files.set(path, join(overlay, path));
  }
  return files;
}

/** Writes the state's files into `dir` (which should be empty). */
export function materialise(state: WorkspaceState, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [path, source] of stateFiles(state)) copyInto(source, join(dir, path));
}

/** The learner's edit: a project file replaced by a workspace file, e.g. `variants/changed-main/app/main.py`. */
export function copyInto(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target);
}

export const readWorkspaceFile = (path: string) => readFileSync(join(WORKSPACE, path), 'utf8');
