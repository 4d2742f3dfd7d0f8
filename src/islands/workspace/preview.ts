/** The preview pane: a published port's page, when the backend can serve one (WebContainer's server-ready). */
export function showPreview(
  pane: HTMLElement,
  preview: { port: number; url: string } | null,
): void {
  if (!preview) {
    pane.hidden = true;
    pane.replaceChildren();
    return;
  }
  const note = document.createElement('p');
  note.textContent = `Port ${preview.port} answers. This is what a browser on your machine would show at http://localhost:${preview.port}/:`;
  const frame = document.createElement('iframe');
  frame.title = `Preview of port ${preview.port}`;
  frame.src = preview.url;
  pane.replaceChildren(note, frame);
  pane.hidden = false;
}
