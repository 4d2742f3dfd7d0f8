/** What `npm test` reads back from a Vitest or Playwright report it ran in the background. */
import { stripVTControlCharacters } from 'node:util';

export interface TestReport {
  /** a line per failed test, naming it (and, for Vitest, the error's first line) */
  failed: string[];
  /** a line per test that passed only when run again */
  retried: string[];
}

/**
 * What a Vitest or Playwright report says of its tests, for the summary at the end: the lines that
 * name a failed test (Vitest's `FAIL` with the error's first line after it, Playwright's `✘`) and
 * those of tests that passed only when run again (Vitest's `(retry x1)`), once each. A background
 * step's report is printed whole, and the browser tests' comes last: a failure in the real-engine
 * tests would otherwise be hundreds of lines above the end of the log, where a summary that keeps
 * only the tail misses it.
 */
export function readReport(output: string): TestReport {
  const lines = stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.trim());
  const failed = lines.flatMap((line, i) => {
    if (line.startsWith('FAIL ')) return [`${line}: ${lines[i + 1] ?? ''}`.slice(0, 300)];
    if (line.startsWith('✘ ')) return [line.replace(/\s+\(\d+(\.\d+)?m?s\)$/, '')];
    return [];
  });
  const retried = lines.filter((line) => line.startsWith('✓ ') && /\(retry x\d+\)$/.test(line));
  return { failed: [...new Set(failed)], retried: [...new Set(retried)] };
}
