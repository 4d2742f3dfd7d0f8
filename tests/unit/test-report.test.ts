import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readReport } from '../../scripts/test-report.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/test-reports/${name}`, import.meta.url), 'utf8');

describe("npm test's summary of a background step's report", () => {
  test('Vitest: the failed test with its error, and the one that passed on its second run', () => {
    expect(readReport(fixture('vitest-retried-and-failed.txt'))).toEqual({
      failed: [
        'FAIL  a2.test.ts > always fails (initial run, 1st retry): AssertionError: expected 1 to be 2 // Object.is equality',
      ],
      retried: ['✓ a.test.ts > flaky once 8ms (retry x1)'],
    });
  });

  test('Playwright: the failed test, named once, without its time', () => {
    expect(readReport(fixture('playwright-failed.txt'))).toEqual({
      failed: ['✘  1 tests/tmp-sim/a.spec.mjs:2:1 › fails on purpose'],
      retried: [],
    });
  });

  test('a report of passes names nothing', () => {
    expect(readReport('')).toEqual({ failed: [], retried: [] });
  });
});
