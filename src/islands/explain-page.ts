/**
 * /explain/: paste anything Docker, Compose, Podman or curl printed; read each part, the findings,
 * and every line with what it was read as (or that it was not read). The parser loads on first
 * use; the pasted text stays in the page and is only ever put into it as text, never as HTML.
 */
import { lazyModule } from '../core/lazy-module.ts';
import type { Explanation } from '../core/docker-output/index.ts';
import { withCode } from './verdict-view.ts';

/** A paste this size is not terminal output; refusing keeps the tab responsive. */
const MAX_PASTE = 5 * 1024 * 1024;
/** Lines shown one by one; the parts and findings still cover the whole paste. */
const MAX_SHOWN = 2000;

const reader = lazyModule(async () => {
  const [output, text] = await Promise.all([
    import('../core/docker-output/index.ts'),
    import('../core/text/index.ts'),
  ]);
  return {
    explain: output.explain,
    describePart: output.describePart,
    screenLines: text.screenLines,
  };
});
type Reader = Awaited<ReturnType<typeof reader.get>>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderParts(into: HTMLElement, r: Reader, result: Explanation): void {
  const list = el('ol', 'explain-parts');
  result.parts.forEach((p, i) => {
    const item = el('li', `explain-part explain-part--${p.kind}`);
    const head = el('p', 'explain-part-title');
    head.append(el('span', 'explain-part-lines', `Lines ${p.lines[0]}–${p.lines[1]}: `));
    head.append(document.createTextNode(r.describePart(p)));
    item.append(head);
    const findings = el('ul', 'explain-findings');
    for (const f of result.findings) {
      const line = f.line ?? 0;
      const next = result.parts[i + 1]?.lines[0] ?? Infinity;
      if (line < p.lines[0] || line >= next) continue;
      const finding = el('li', `explain-finding explain-finding--${f.severity}`);
      const message = el('p', 'explain-finding-message');
      message.append(el('span', 'explain-severity', `${f.severity}: `), ...withCode(f.message));
      finding.append(message);
      if (f.hint) {
        const hint = el('p', 'explain-finding-hint');
        hint.append(...withCode(f.hint));
        finding.append(hint);
      }
      findings.append(finding);
    }
    if (findings.childElementCount) item.append(findings);
    list.append(item);
  });
  into.append(el('h2', 'explain-heading', 'What it says'), list);
}

function renderLines(into: HTMLElement, r: Reader, text: string, result: Explanation): void {
  const shown = new Map<number, string>();
  for (const line of r.screenLines(text)) shown.set(line.n, line.text);
  const table = el('table', 'explain-lines');
  const caption = el('caption', '', 'Each line of the paste, as your terminal showed it');
  const head = el('tr', '');
  head.append(el('th', '', 'Line'), el('th', '', 'Read as'), el('th', '', 'Text'));
  table.append(caption, el('thead', ''), el('tbody', ''));
  table.tHead!.append(head);
  let count = 0;
  for (const [n, line] of [...shown].sort((a, b) => a[0] - b[0])) {
    if (!line.trim()) continue;
    if (++count > MAX_SHOWN) break;
    const part = result.parts.find((p) => n >= p.lines[0] && n <= p.lines[1]);
    const engine = part && 'engine' in part && part.engine !== undefined;
    const read = part && (part.kind !== 'unknown' || engine);
    const row = el('tr', read ? 'explain-line' : 'explain-line explain-line--unread');
    row.append(
      el('td', 'explain-line-n', String(n)),
      el('td', 'explain-line-kind', read ? (engine ? 'engine' : part.kind) : 'not read'),
      el('td', 'explain-line-text', line),
    );
    table.tBodies[0]!.append(row);
  }
  // Docker's lines are wide: the frame scrolls sideways, and the keyboard can scroll it too.
  const frame = el('div', 'explain-lines-frame');
  frame.tabIndex = 0;
  frame.setAttribute('role', 'region');
  frame.setAttribute('aria-label', 'Each line of the paste');
  frame.append(table);
  into.append(el('h2', 'explain-heading', 'Line by line'), frame);
  if (count > MAX_SHOWN)
    into.append(
      el(
        'p',
        'explain-note',
        `The first ${MAX_SHOWN} lines are shown; the reading above covers them all.`,
      ),
    );
}

export function bindExplainPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLTextAreaElement>('textarea');
  const button = form.querySelector<HTMLButtonElement>('button');
  const result = document.querySelector<HTMLElement>('[data-explain-result]');
  const announce = document.querySelector<HTMLElement>('[data-explain-announce]');
  if (!input || !button || !result || !announce) return;
  const say = (message: string, error = false) => {
    announce.textContent = message;
    if (error) result.replaceChildren(el('p', 'explain-error', message));
  };
  const run = async () => {
    const text = input.value;
    if (!text.trim()) return say('Paste an output first: the box is empty.', true);
    if (text.length > MAX_PASTE)
      return say(
        `That is ${Math.round(text.length / 1048576)} MB of text; paste only what the commands printed.`,
        true,
      );
    say('Reading…');
    const r = await reader.get().catch(() => null);
    if (!r) return say('The reader could not be loaded: the page may be offline. Try again.', true);
    const explanation = r.explain(text);
    result.replaceChildren();
    renderParts(result, r, explanation);
    renderLines(result, r, text, explanation);
    const read = explanation.parts.filter((p) => p.kind !== 'unknown' || p.engine).length;
    say(
      read
        ? `Read ${read} part${read > 1 ? 's' : ''} of the paste.`
        : 'Layerwise could not read this as Docker output.',
    );
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('focus', reader.preload, { once: true });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  button.disabled = false;
}
