/**
 * The one file that owns the CodeMirror editor: one file open at a time, Python and Dockerfile
 * highlighting, Tab indents (Escape then Tab leaves, CodeMirror's own rule, the same as the
 * terminal's), and a name for screen readers that says which file is open.
 */
import { EditorState, Transaction, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import type { EditorDoc } from './file-sync.ts';
import { highlightStyle, languageFor } from './editor-language.ts';

export interface EditorPane extends EditorDoc {
  open(path: string, text: string): void;
  onEdit(listener: () => void): void;
  onBlur(listener: () => void): void;
  focus(): void;
  dispose(): void;
}

const editorTheme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--ws-bg)', color: 'var(--ws-fg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', fontSize: '0.9rem' },
  '.cm-gutters': {
    backgroundColor: 'var(--ws-bg)',
    color: 'var(--ws-muted)',
    borderRight: '1px solid var(--border)',
  },
  // CodeMirror's own grey (#888) is below 4.5:1 on white; the palette's muted colour reaches it.
  '.cm-placeholder': { color: 'var(--ws-muted)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--ws-active-line)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--ws-cursor)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--ws-selection) !important',
  },
});

/** What an empty editor says, so a learner never types into a pane that cannot take it. */
export const NOTHING_OPEN =
  'No file is open. Choose one in the file list, or type edit FILE in the terminal (it creates the file if it does not exist).';

/** What every editor in the workspace shares, the solution's read-only ones included. */
export function fileExtensions(path: string | null, label: string): Extension[] {
  return [
    lineNumbers(),
    drawSelection(),
    syntaxHighlighting(highlightStyle),
    editorTheme,
    path ? languageFor(path) : [],
    EditorView.contentAttributes.of({ 'aria-label': label }),
  ];
}

export function createEditorPane(host: HTMLElement, emptyLabel: string): EditorPane {
  const edits = new Set<() => void>();
  const blurs = new Set<() => void>();
  let path: string | null = null;

  const listener = EditorView.updateListener.of((update) => {
    // Only the learner's own changes are edits; text set by the workspace is marked remote.
    if (update.transactions.some((t) => t.docChanged && !t.annotation(Transaction.remote)))
      edits.forEach((l) => l());
    if (update.focusChanged && !update.view.hasFocus) blurs.forEach((l) => l());
  });
  // A new state per file: undo history and selection belong to the file they were made in.
  const stateFor = (p: string | null, text: string) =>
    EditorState.create({
      doc: text,
      extensions: [
        fileExtensions(p, p ? `Editor: ${p}` : emptyLabel),
        highlightActiveLine(),
        highlightActiveLineGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        // PEP 8's four spaces (CodeMirror's default is two); a Dockerfile's continuations too.
        indentUnit.of('    '),
        EditorView.editable.of(p !== null),
        // The hint wraps in the pane: unwrapped it scrolls sideways where no key can reach it.
        p === null ? [placeholder(NOTHING_OPEN), EditorView.lineWrapping] : [],
        listener,
      ],
    });
  const view = new EditorView({ parent: host, state: stateFor(null, '') });

  return {
    path: () => path,
    text: () => view.state.doc.toString(),
    replace(text) {
      const head = Math.min(view.state.selection.main.head, text.length);
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        selection: { anchor: head },
        annotations: [Transaction.remote.of(true), Transaction.addToHistory.of(false)],
      });
    },
    close() {
      path = null;
      view.setState(stateFor(null, ''));
    },
    open(next, text) {
      path = next;
      view.setState(stateFor(next, text));
    },
    onEdit: (l) => void edits.add(l),
    onBlur: (l) => void blurs.add(l),
    focus: () => view.focus(),
    dispose() {
      edits.clear();
      blurs.clear();
      view.destroy();
    },
  };
}
