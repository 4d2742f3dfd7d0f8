/** How verdicts and findings read in a terminal: ✓/✗, the message, the hint, the line. */
import type { Finding } from '../../core/docker/index.ts';
import type { Verdict } from '../../core/evidence.ts';

export interface Style {
  ok(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Style = { ok: (t) => t, bad: (t) => t, dim: (t) => t, bold: (t) => t };
const ansi: Style = {
  ok: (t) => `\u001b[32m${t}\u001b[39m`,
  bad: (t) => `\u001b[31m${t}\u001b[39m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
};

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Style {
  return stream.isTTY && !env['NO_COLOR'] ? ansi : plain;
}

/** `shown`: what each input line showed (see shownLines), to quote a check's line. */
export function formatVerdict(
  title: string,
  verdict: Verdict,
  style: Style,
  shown?: ReadonlyMap<number, string>,
): string {
  const out: string[] = [style.bold(title)];
  if (verdict.status === 'unrecognized') {
    for (const c of verdict.checks)
      out.push(`  ? ${c.message}`, ...(c.hint ? [`    ${style.dim(c.hint)}`] : []));
    return out.join('\n');
  }
  for (const c of verdict.checks) {
    out.push(`  ${c.ok ? style.ok('✓') : style.bad('✗')} ${c.message}`);
    const quoted = c.line === undefined ? undefined : shown?.get(c.line);
    if (quoted !== undefined)
      out.push(style.dim(`    line ${c.line}: ${quoted.trim().slice(0, 200)}`));
    if (c.hint && !c.ok) out.push(`    ${c.hint}`);
  }
  const passed = verdict.checks.filter((c) => c.ok).length;
  out.push(
    verdict.status === 'pass'
      ? style.ok(`  All ${verdict.checks.length} checks passed.`)
      : style.bad(`  ${passed} of ${verdict.checks.length} checks passed.`),
  );
  return out.join('\n');
}

const MARK: Record<Finding['severity'], (s: Style) => string> = {
  error: (s) => s.bad('error'),
  warning: (s) => s.bad('warning'),
  info: (s) => s.dim('info'),
};

export function formatFindings(findings: readonly Finding[], style: Style): string {
  if (findings.length === 0) return 'Nothing to report.';
  return findings
    .map((f) =>
      [
        `${MARK[f.severity](style)}${f.line !== undefined ? ` (line ${f.line})` : ''}: ${f.message}`,
        ...(f.hint ? [`  ${style.dim('→')} ${f.hint}`] : []),
      ].join('\n'),
    )
    .join('\n');
}
