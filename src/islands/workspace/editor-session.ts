/**
 * The file list and the editor, kept on the backend's files: which file is open, what opens it
 * (a click in the list, `edit FILE` in the terminal), and the save rules of file-sync.ts. The
 * editor's code is its own chunk, loaded after the terminal is up.
 */
import type { EditorPane } from './editor-view.ts';
import { currentFiles, type WorkspaceBackend } from './backend.ts';
import { createFileSync, type FileSync } from './file-sync.ts';
import { createFileTree } from './file-tree.ts';
import type { ProjectFiles } from './project-files.ts';
import type { WorkspaceDom } from './workspace-dom.ts';

export interface EditorSession {
  /** loads the editor and opens the project's main file */
  load(): Promise<void>;
  /** the backend says a project file changed */
  changed(path: string): void;
  /** `edit FILE` in the terminal */
  openFromTerminal(path: string): void;
  /** the backend was swapped or reset: redraw the list, reopen or close the file */
  refresh(): void;
  currentFiles(): ProjectFiles;
  openPath(): string | null;
  dispose(): void;
}

/** The file a learner most likely wants first. */
const FIRST = ['app/main.py', 'Dockerfile', 'requirements.txt'];

export function createEditorSession(
  dom: WorkspaceDom,
  backend: () => WorkspaceBackend,
  announce: (text: string) => void,
  onSync: (sync: FileSync) => void,
): EditorSession {
  let editor: EditorPane | null = null;
  let sync: FileSync | null = null;
  let wanted: string | null = null;
  /**
   * Where the focus was when `wanted` asked for it before the editor had loaded (`edit FILE` typed
   * while its chunk still downloads): the file takes the focus when it opens if the focus has not
   * gone elsewhere meanwhile, as it would have had the editor been there.
   */
  let focusFrom: Element | null = null;
  let redraw = 0;

  const title = (path: string | null) =>
    (dom.editorTitle.textContent = path ?? 'Editor: no file open');
  const tree = createFileTree(dom.files, (path) => open(path, true));
  const drawTree = () => tree.update(backend().files.list(), editor?.path() ?? wanted);
  const scheduleTree = () => {
    // A command may touch many files at once: draw the list once per frame.
    cancelAnimationFrame(redraw);
    redraw = requestAnimationFrame(drawTree);
  };

  function open(path: string, focus: boolean): void {
    const text = backend().files.read(path);
    if (text === null) {
      announce(`There is no file ${path} in the project.`);
      return;
    }
    wanted = path;
    if (!editor) {
      // opens once the editor has loaded
      focusFrom = focus ? document.activeElement : null;
      return;
    }
    sync?.flush();
    editor.open(path, text);
    title(path);
    drawTree();
    if (focus) editor.focus();
  }

  return {
    async load() {
      drawTree();
      const { createEditorPane } = await import('./editor-view.ts');
      dom.editor.replaceChildren();
      const pane = createEditorPane(dom.editor, 'Editor: no file open');
      editor = pane;
      sync = createFileSync(backend().files, pane, (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      });
      onSync(sync);
      pane.onEdit(() => sync?.edited());
      pane.onBlur(() => sync?.flush());
      const list = backend().files.list();
      const first =
        [wanted, ...FIRST, list[0]].find((p): p is string => !!p && list.includes(p)) ?? null;
      const focus =
        first !== null &&
        first === wanted &&
        focusFrom !== null &&
        document.activeElement === focusFrom;
      focusFrom = null;
      if (first) open(first, focus);
      else title(null);
    },
    changed(path) {
      const wasOpen = editor?.path() === path;
      sync?.changed(path);
      if (editor && editor.path() === null && wanted === path) {
        // The file the learner had open came back (e.g. `echo > app/main.py` after `rm`): show it again.
        if (backend().files.read(path) !== null) open(path, false);
        else if (wasOpen) announce(`${path} was removed; the editor is empty.`);
      }
      title(editor?.path() ?? null);
      scheduleTree();
    },
    openFromTerminal(path) {
      // The simulator's `edit` creates the file; a backend whose command did not gets it here.
      if (backend().files.read(path) === null) backend().files.write(path, '');
      open(path, true);
      announce(`Opened ${path} in the editor.`);
    },
    refresh() {
      const path = editor?.path() ?? wanted;
      if (path && backend().files.read(path) !== null) {
        editor?.open(path, backend().files.read(path) ?? '');
      } else {
        editor?.close();
      }
      title(editor?.path() ?? null);
      drawTree();
    },
    currentFiles: () => currentFiles(backend().files),
    openPath: () => editor?.path() ?? null,
    dispose() {
      cancelAnimationFrame(redraw);
      sync?.dispose();
      editor?.dispose();
    },
  };
}
