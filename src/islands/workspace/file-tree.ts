/**
 * The project's files as a nested list of buttons (a folder is a label above its files). Redrawn
 * from the backend's list whenever a file appears or goes, so files made in the terminal show too.
 */

interface Folder {
  files: string[];
  folders: Map<string, Folder>;
}

/** Sorted paths → a tree; folders first, then files, each alphabetically (as `ls` and editors show them). */
export function folderTree(paths: readonly string[]): Folder {
  const root: Folder = { files: [], folders: new Map() };
  for (const path of [...paths].sort()) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = { files: [], folders: new Map() }));
      folder = next;
    }
    folder.files.push(path);
  }
  return root;
}

export interface FileTree {
  update(paths: readonly string[], open: string | null): void;
}

export function createFileTree(host: HTMLElement, onOpen: (path: string) => void): FileTree {
  const render = (folder: Folder, open: string | null): HTMLUListElement => {
    const list = document.createElement('ul');
    for (const [name, sub] of [...folder.folders].sort(([a], [b]) => a.localeCompare(b))) {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.className = 'ws-folder';
      label.textContent = `${name}/`;
      item.append(label, render(sub, open));
      list.append(item);
    }
    for (const path of folder.files) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'ws-file';
      button.dataset['path'] = path;
      button.textContent = path.slice(path.lastIndexOf('/') + 1);
      button.setAttribute('aria-label', `Open ${path}`);
      if (path === open) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => onOpen(path));
      item.append(button);
      list.append(item);
    }
    return list;
  };

  return {
    update(paths, open) {
      // Keep keyboard focus on the same file across a redraw.
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.['path'];
      const list = paths.length
        ? render(folderTree(paths), open)
        : Object.assign(document.createElement('p'), { textContent: 'No files yet.' });
      host.replaceChildren(list);
      if (focused) host.querySelector<HTMLElement>(`[data-path="${CSS.escape(focused)}"]`)?.focus();
    },
  };
}
