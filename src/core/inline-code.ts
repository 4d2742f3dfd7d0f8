/**
 * Markdown's inline code in plain text: `docker ps` becomes a code piece. Lesson objectives are
 * rendered from it at build time and checker advice in the browser, both as text nodes inside
 * <code> elements, never as HTML. As in CommonMark, a run of backticks closes only on a run of
 * the same length, one space inside each end is dropped, and a backtick left open stays text.
 */
export interface InlinePiece {
  code: boolean;
  text: string;
}

export function inlineCode(text: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  const push = (code: boolean, t: string) => {
    if (t === '') return;
    const last = pieces[pieces.length - 1];
    if (last && !last.code && !code) last.text += t;
    else pieces.push({ code, text: t });
  };
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open === -1) break;
    let run = open;
    while (text[run] === '`') run++;
    const fence = text.slice(open, run);
    const close = findRun(text, fence, run);
    if (close === -1) {
      push(false, text.slice(i, run));
      i = run;
      continue;
    }
    push(false, text.slice(i, open));
    let inner = text.slice(run, close);
    if (/^ .*[^ ].* $/s.test(inner)) inner = inner.slice(1, -1);
    push(true, inner);
    i = close + fence.length;
  }
  push(false, text.slice(i));
  return pieces;
}

/** Where the next run of exactly `fence` backticks starts, from `from` on; -1 when none. */
function findRun(text: string, fence: string, from: number): number {
  for (let at = text.indexOf(fence, from); at !== -1; at = text.indexOf(fence, at + 1)) {
    if (text[at - 1] !== '`' && text[at + fence.length] !== '`') return at;
    while (text[at] === '`') at++;
  }
  return -1;
}

/** The inverse: `text` as one inline code span, fenced by more backticks than any run inside it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
