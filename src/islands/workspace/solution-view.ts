/**
 * "Compare with the solution": which files differ from the lesson's solution, and a read-only
 * side-by-side diff of one of them. Its own chunk (the merge view is the workspace's biggest
 * library), loaded the first time the learner asks.
 */
import { MergeView } from '@codemirror/merge';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { fileExtensions } from './editor-view.ts';
import type { ProjectFiles } from './project-files.ts';

export type FileStatus = 'same' | 'changed' | 'missing' | 'extra';

/** Every file of either side with how yours compares; differing ones first, then by path. */
export function compareFiles(
  yours: ProjectFiles,
  solution: ProjectFiles,
): { path: string; status: FileStatus }[] {
  const paths = [...new Set([...Object.keys(yours), ...Object.keys(solution)])];
  const statusOf = (p: string): FileStatus =>
    yours[p] === undefined
      ? 'missing'
      : solution[p] === undefined
        ? 'extra'
        : yours[p] === solution[p]
          ? 'same'
          : 'changed';
  return paths
    .map((path) => ({ path, status: statusOf(path) }))
    .sort(
      (a, b) =>
        Number(a.status === 'same') - Number(b.status === 'same') || a.path.localeCompare(b.path),
    );
}

const WORDS: Record<FileStatus, string> = {
  same: 'same as the solution',
  changed: 'differs',
  missing: 'missing: the solution has it',
  extra: 'not in the solution',
};

export function showSolution(
  host: HTMLElement,
  yours: ProjectFiles,
  solution: ProjectFiles,
  first: string | null,
): () => void {
  let merge: MergeView | null = null;
  const files = compareFiles(yours, solution);
  const list = document.createElement('ul');
  list.className = 'ws-solution-files';
  const heading = document.createElement('p');
  heading.className = 'ws-solution-title';
  const diff = document.createElement('div');
  diff.className = 'ws-merge';
  const readOnly = (path: string, label: string) => [
    fileExtensions(path, label),
    // Long lines wrap inside their half: the diff fits its column at any width, no sideways scroll.
    EditorView.lineWrapping,
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
  ];

  const show = (path: string) => {
    merge?.destroy();
    heading.textContent = `${path}: yours (left) and the solution (right)`;
    merge = new MergeView({
      parent: diff,
      a: { doc: yours[path] ?? '', extensions: readOnly(path, `Your ${path} (read only)`) },
      b: { doc: solution[path] ?? '', extensions: readOnly(path, `Solution ${path} (read only)`) },
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
    for (const button of list.querySelectorAll('button'))
      button.setAttribute('aria-current', String(button.dataset['path'] === path));
  };

  for (const { path, status } of files) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ws-file';
    button.dataset['path'] = path;
    button.textContent = `${path} (${WORDS[status]})`;
    button.addEventListener('click', () => show(path));
    item.append(button);
    list.append(item);
  }
  const intro = document.createElement('p');
  const differing = files.filter((f) => f.status !== 'same').length;
  intro.textContent =
    differing === 0
      ? 'Your files are the same as the solution.'
      : `${differing} of ${files.length} files differ from the solution.`;
  host.replaceChildren(intro, list, heading, diff);
  const start = files.find((f) => f.path === first && f.status !== 'same') ?? files[0];
  if (start) show(start.path);
  return () => {
    merge?.destroy();
    host.replaceChildren();
  };
}
