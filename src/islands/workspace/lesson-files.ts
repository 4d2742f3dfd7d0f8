/**
 * content/workspace/, bundled into the workspace chunk. Eager on purpose: the chunk itself loads
 * only when the learner opens the workspace, and the few kB of project text would otherwise cost a
 * second round trip before the terminal can start.
 */
import { messageOf } from '../../core/text/index.ts';
import { lessonProject, stateFiles, treeFromGlob, type ProjectFiles } from './project-files.ts';

const modules = import.meta.glob<string>(
  ['/content/workspace/**', '!/content/workspace/README.md'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
    // Dotfiles are project files too (.dockerignore); Vite skips them unless the search is exhaustive.
    exhaustive: true,
  },
);
const tree = treeFromGlob(modules);

export interface LessonFiles {
  start: ProjectFiles;
  solution: ProjectFiles;
}

/** The lesson's start and solution files, or why they cannot be read. */
export function lessonFiles(slug: string | null): LessonFiles | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(tree['lessons.json'] ?? 'null');
  } catch (error) {
    return {
      error: `content/workspace/lessons.json is not valid JSON: ${messageOf(error)}`,
    };
  }
  const project = lessonProject(json, slug);
  if (typeof project === 'string') return { error: project };
  const start = stateFiles(project.start, tree);
  const solution = stateFiles(project.solution, tree);
  const missing = [...start.missing, ...solution.missing];
  if (missing.length) return { error: `content/workspace/ lacks ${missing.join(', ')}` };
  return { start: start.files, solution: solution.files };
}
