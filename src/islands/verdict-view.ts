/**
 * Draws a Verdict: a summary line, then each check with ✓/✗, its message, its hint, and the input
 * line it points at. Built from DOM nodes and textContent only: the learner's text is never HTML,
 * and the checkers' `code` in messages becomes <code> elements holding text.
 */
import type { Verdict } from '../core/evidence.ts';
import { inlineCode } from '../core/inline-code.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text with `inline code`, as text nodes and <code> elements: never parsed as HTML. */
export function withCode(text: string): Node[] {
  return inlineCode(text).map((piece) =>
    piece.code ? el('code', '', piece.text) : document.createTextNode(piece.text),
  );
}

export function summarise(verdict: Verdict): string {
  const n = verdict.checks.length;
  const passed = verdict.checks.filter((c) => c.ok).length;
  if (verdict.status === 'unrecognized')
    return verdict.checks[0]?.message ?? 'Layerwise could not read this.';
  if (n === 1) return verdict.status === 'pass' ? 'The check passed.' : 'The check did not pass.';
  if (verdict.status === 'pass') return `All ${n} checks passed.`;
  return `${passed} of ${n} checks passed.`;
}

/**
 * `summary`: the line above the checks (the panel adds what the verdict means for progress).
 * `shown`: what each pasted line showed on screen (redraws resolved, colours dropped), to quote a check's line.
 * `judged`: which terminal command the verdict read, when it came from the terminal.
 */
export function renderVerdict(
  into: HTMLElement,
  verdict: Verdict,
  summary: string,
  shown: ReadonlyMap<number, string> | null,
  judged: string | null = null,
): void {
  const head = el('p', `verdict-summary verdict-summary--${verdict.status}`);
  head.append(...withCode(summary));
  into.append(head);
  if (judged) {
    const from = el('p', 'verdict-judged');
    from.append(...withCode(judged));
    into.append(from);
  }
  const list = el('ul', 'verdict-checks');
  for (const c of verdict.checks) {
    if (verdict.status === 'unrecognized') {
      if (c.hint) {
        const hint = el('li', 'verdict-check verdict-check--hint');
        hint.append(...withCode(c.hint));
        list.append(hint);
      }
      continue;
    }
    const item = el('li', `verdict-check verdict-check--${c.ok ? 'ok' : 'bad'}`);
    const icon = el('span', 'verdict-icon', c.ok ? '✓' : '✗');
    icon.setAttribute('aria-hidden', 'true');
    const message = el('span', 'verdict-message');
    message.append(...withCode(c.message));
    item.append(icon, el('span', 'sr-only', c.ok ? 'Passed: ' : 'Failed: '), message);
    if (c.hint && !c.ok) {
      const hint = el('p', 'verdict-hint');
      hint.append(el('strong', '', 'What to do: '), ...withCode(c.hint));
      item.append(hint);
    }
    const quoted = c.line === undefined ? undefined : shown?.get(c.line);
    if (quoted !== undefined) {
      const quote = el('p', 'verdict-line');
      quote.append(
        el('span', 'verdict-line-number', `line ${c.line}`),
        el('code', '', quoted.slice(0, 300)),
      );
      item.append(quote);
    }
    list.append(item);
  }
  into.append(list);
}
