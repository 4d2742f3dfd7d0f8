/**
 * The open workspace's markup: toolbar, confirm steps, file list, editor, terminal, solution and
 * preview panes. Static text only (file names and output are always set as text elsewhere).
 */
export interface WorkspaceDom {
  root: HTMLElement;
  files: HTMLElement;
  editorTitle: HTMLElement;
  editor: HTMLElement;
  terminal: HTMLElement;
  /** the terminals' tab list */
  tabs: HTMLElement;
  /** a line above the terminal for the machine's state (Python loading), never inside it */
  status: HTMLElement;
  /** the phone's row of keys its on-screen keyboard lacks */
  keyBar: HTMLElement;
  solution: HTMLElement;
  preview: HTMLElement;
  backendState: HTMLElement;
  /** where the WebContainer switch would be, why it is not offered (empty when it is) */
  backendNote: HTMLElement;
  /** a line under the toolbar: restored, not saved (storage full or blocked), a saved state dropped */
  saved: HTMLElement;
  button(name: string): HTMLButtonElement;
  panel(name: string): HTMLElement;
}

export function workspaceDom(stage: HTMLElement, id: string): WorkspaceDom {
  const root = document.createElement('div');
  root.className = 'ws';
  root.id = `${id}-ws`;
  root.innerHTML = `
    <div class="ws-bar">
      <button type="button" class="ws-button" data-act="reset" aria-controls="${id}-reset">Reset files…</button>
      <button type="button" class="ws-button" data-act="solution" aria-expanded="false" aria-controls="${id}-solution">Compare with the solution</button>
      <button type="button" class="ws-button" data-act="reader" aria-pressed="false">Screen reader mode</button>
      <button type="button" class="ws-button" data-act="backend" hidden aria-controls="${id}-backend">Real Node.js shell (WebContainer)…</button>
      <p class="ws-backend-note" data-pane="backend-note"></p>
      <p class="ws-keys"><kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the terminal or the editor.</p>
    </div>
    <p class="ws-saved" role="status" data-pane="saved"></p>
    <div class="ws-confirm" id="${id}-reset" data-panel="reset" hidden>
      <p>Put the files back as the lesson starts them and start a fresh machine? Your edits, images and containers in this workspace are lost.</p>
      <button type="button" class="ws-button ws-button--danger" data-act="reset-yes">Reset</button>
      <button type="button" class="ws-button" data-act="reset-no">Cancel</button>
    </div>
    <div class="ws-confirm" id="${id}-backend" data-panel="backend" hidden>
      <p>A real Node.js shell (<code>jsh</code>, real files, <code>node</code>) runs in WebContainer. Your browser then downloads it from
        StackBlitz's servers (stackblitz.com): the only part of Layerwise that contacts another site, and only if you go on.
        StackBlitz's terms of service apply. <code>docker</code> and <code>curl</code> in it are still the course's simulator.</p>
      <button type="button" class="ws-button" data-act="backend-yes">Download and start WebContainer</button>
      <button type="button" class="ws-button" data-act="backend-no">Cancel</button>
    </div>
    <div class="ws-panes">
      <nav class="ws-files" aria-label="Project files" data-pane="files"></nav>
      <section class="ws-editor" aria-label="Editor">
        <p class="ws-pane-title" data-pane="editor-title">Editor</p>
        <div class="ws-cm" data-pane="editor"><p class="ws-loading">Loading the editor…</p></div>
      </section>
      <section class="ws-terminal" aria-label="Terminal">
        <div class="ws-tabs">
          <div role="tablist" aria-label="Terminals" data-pane="tabs">
            <button type="button" role="tab" id="${id}-terminal-1-tab" aria-controls="${id}-terminal-1" aria-selected="true">Terminal 1</button>
          </div>
          <button type="button" class="ws-button" data-act="new-terminal">New terminal</button>
          <button type="button" class="ws-button" data-act="close-terminal" hidden>Close this terminal</button>
        </div>
        <p class="ws-status" role="status" aria-live="polite" data-pane="status"></p>
        <div class="ws-keybar" role="toolbar" aria-label="Terminal keys" data-pane="keybar">
          <button type="button" data-key="esc">Esc</button>
          <button type="button" data-key="tab">Tab</button>
          <button type="button" data-key="ctrl-c">Ctrl+C</button>
          <button type="button" data-key="ctrl-r">Ctrl+R</button>
          <button type="button" data-key="left" aria-label="Left arrow">←</button>
          <button type="button" data-key="up" aria-label="Up arrow">↑</button>
          <button type="button" data-key="down" aria-label="Down arrow">↓</button>
          <button type="button" data-key="right" aria-label="Right arrow">→</button>
        </div>
        <div class="ws-xterm" id="${id}-terminal-1" role="tabpanel" aria-labelledby="${id}-terminal-1-tab" data-pane="terminal"></div>
      </section>
    </div>
    <section class="ws-solution" id="${id}-solution" aria-label="Your files compared with the solution" data-pane="solution" hidden></section>
    <section class="ws-preview" aria-label="Preview of a published port" data-pane="preview" hidden></section>
    <p class="ws-state" data-pane="backend-state"></p>`;
  stage.replaceChildren(root);
  const pane = (name: string) => root.querySelector<HTMLElement>(`[data-pane="${name}"]`)!;
  return {
    root,
    files: pane('files'),
    editorTitle: pane('editor-title'),
    editor: pane('editor'),
    terminal: pane('terminal'),
    tabs: pane('tabs'),
    status: pane('status'),
    keyBar: pane('keybar'),
    solution: pane('solution'),
    preview: pane('preview'),
    backendState: pane('backend-state'),
    saved: pane('saved'),
    backendNote: pane('backend-note'),
    button: (name) => root.querySelector<HTMLButtonElement>(`[data-act="${name}"]`)!,
    panel: (name) => root.querySelector<HTMLElement>(`[data-panel="${name}"]`)!,
  };
}
