/**
 * Draws a Verdict: a summary line, then each check with ✓/✗, its message, its hint, and the input
 * line it points at. Built from DOM nodes and textContent only: the learner's text is never HTML.
 */
import type { Verdict } from '../core/evidence.ts';

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

export function summarise(verdict: Verdict): string {
  const passed = verdict.checks.filter((c) => c.ok).length;
  if (verdict.status === 'unrecognized')
    return verdict.checks[0]?.message ?? 'Layerwise could not read this.';
  if (verdict.status === 'pass') return `All ${verdict.checks.length} checks passed.`;
  return `${passed} of ${verdict.checks.length} checks passed.`;
}

/** `shown`: what each pasted line showed on screen (redraws resolved, colours dropped), to quote a check's line. */
export function renderVerdict(
  into: HTMLElement,
  verdict: Verdict,
  shown: ReadonlyMap<number, string> | null,
): { summary: string } {
  const summary = summarise(verdict);
  const head = el('p', `verdict-summary verdict-summary--${verdict.status}`, summary);
  into.append(head);
  const list = el('ul', 'verdict-checks');
  for (const c of verdict.checks) {
    if (verdict.status === 'unrecognized') {
      if (c.hint) list.append(el('li', 'verdict-check verdict-check--hint', c.hint));
      continue;
    }
    const item = el('li', `verdict-check verdict-check--${c.ok ? 'ok' : 'bad'}`);
    const icon = el('span', 'verdict-icon', c.ok ? '✓' : '✗');
    icon.setAttribute('aria-hidden', 'true');
    item.append(
      icon,
      el('span', 'sr-only', c.ok ? 'Passed: ' : 'Failed: '),
      el('span', 'verdict-message', c.message),
    );
    if (c.hint && !c.ok) {
      const hint = el('p', 'verdict-hint');
      hint.append(el('strong', '', 'What to do: '), c.hint);
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
  return { summary };
}
