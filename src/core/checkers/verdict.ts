/** Building Verdicts: one status rule for every exercise. */
import type { Check, EvidenceSource, Verdict } from '../evidence.ts';
import { CHECK_NAMES, type NamedCheck } from './check-names.ts';

export function verdictOf(checks: Check[], evidence: EvidenceSource): Verdict {
  return { status: checks.every((c) => c.ok) ? 'pass' : 'fail', checks, evidence };
}

/** The input is not what the exercise reads: say what was seen and what to paste instead. */
export function unrecognized(evidence: EvidenceSource, message: string, hint: string): Verdict {
  return { status: 'unrecognized', evidence, checks: [{ id: 'input', ok: false, message, hint }] };
}

/**
 * A check that cannot be judged because an earlier one failed or its subject is missing; it stays
 * in the list so the list's shape never changes, and names itself.
 */
export function notChecked(id: NamedCheck, because: string, line?: number): Check {
  return check(id, false, `${CHECK_NAMES[id]} was not checked: ${because}.`, { line });
}

export function check(
  id: string,
  ok: boolean,
  message: string,
  extra: { hint?: string | undefined; line?: number | undefined } = {},
): Check {
  const c: Check = { id, ok, message };
  if (extra.hint !== undefined) c.hint = extra.hint;
  if (extra.line !== undefined) c.line = extra.line;
  return c;
}
