/** `explain(text)`: the parts of a paste and the diagnosis a learner reads, ordered by line. */
import { diagnose } from './diagnose.ts';
import { parseDetailed } from './parse.ts';
import type { Explanation } from './types.ts';
import type { Finding } from '../docker/index.ts';

export function explain(text: string): Explanation {
  const parsed = parseDetailed(text);
  const findings: Finding[] = [];
  for (const p of parsed) {
    try {
      findings.push(...diagnose(p));
    } catch {
      // A diagnosis bug must not hide the parse; the part still shows.
    }
  }
  return {
    parts: parsed.map((p) => p.part),
    findings: [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}
