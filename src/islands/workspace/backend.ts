/**
 * What the workspace UI needs from whatever runs the terminal: the built-in sandbox (default and
 * fallback) or WebContainer (loaded only when the learner asks for it). The UI never knows which;
 * xterm and CodeMirror stay in their own files (terminal-view.ts, editor-view.ts).
 */
import type { SandboxEvent } from '../../core/evidence.ts';
import type { ProjectFiles } from './project-files.ts';

export type BackendKind = 'sandbox' | 'webcontainer';

export interface BackendFiles {
  /** project-relative path → text, or null when there is no such file */
  read(path: string): string | null;
  /** takes effect before any keystroke written after it */
  write(path: string, text: string): void;
  list(): string[];
  /** a project file was written, created or removed (by a command, or by write) */
  onChange(listener: (path: string) => void): () => void;
}

/** Every project file's current text, by path. */
export function currentFiles(files: BackendFiles): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of files.list()) {
    const text = files.read(path);
    if (text !== null) out[path] = text;
  }
  return out;
}

export interface WorkspaceBackend {
  readonly kind: BackendKind;
  /** raw keystrokes, as xterm's onData gives them */
  write(data: string): void;
  /** what the terminal shows, ANSI included */
  onOutput(listener: (text: string) => void): () => void;
  resize(cols: number, rows: number): void;
  files: BackendFiles;
  /** a command asked to open a file in the editor (`edit FILE`, `code FILE`) */
  onOpenFile(listener: (path: string) => void): () => void;
  /** a published port answers and can be shown in a preview pane (WebContainer only) */
  onPreview(listener: (preview: { port: number; url: string }) => void): () => void;
  /** what happened in the terminal, for the checkers */
  transcript(): SandboxEvent[];
  /** back to a fresh machine holding these files */
  reset(files: ProjectFiles): void;
  dispose(): void;
}
