/**
 * The README's table of what the browser terminal does not simulate names exactly the gaps the code
 * declares (ALL_GAPS): a gap added to an area's list without its README cell, or a README line for a
 * gap that no code declares, fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_GAPS } from '../../../src/core/sandbox/gaps.ts';
import type { GapArea } from '../../../src/core/sandbox/not-simulated.ts';

const AREAS: GapArea[] = ['shell', 'image', 'curl', 'docker', 'python'];
const SEPARATOR = '; ';

/** The table's rows under the README's "simulates, and what it does not" heading: area → last cell. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### What the browser terminal simulates, and what it does not');
  expect(start, 'README section').toBeGreaterThan(-1);
  const rows = new Map<string, string>();
  for (const line of readme.slice(start).split('\n').slice(1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('| ')) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    if (AREAS.includes(cells[0] as GapArea)) rows.set(cells[0]!, cells.at(-1)!);
  }
  return rows;
}

function listed(cell: string | undefined): string[] {
  return !cell || cell === '—' ? [] : cell.split(SEPARATOR);
}

describe("README's simulated / not simulated table", () => {
  const table = readmeTable();

  it('has a row for every area that declares gaps', () => {
    for (const area of new Set(ALL_GAPS.map((g) => g.area)))
      expect([...table.keys()]).toContain(area);
  });

  it.each(AREAS)('the %s row lists exactly the gaps its list declares', (area) => {
    const declared = ALL_GAPS.filter((g) => g.area === area).map((g) => g.feature);
    // The README's cell, as the test expects it: paste it after adding a gap.
    const expected = declared.length ? declared.join(SEPARATOR) : '—';
    expect(listed(table.get(area)), `README cell for ${area}: ${expected}`).toEqual(declared);
  });

  it('no gap spells its feature with the separator the table uses', () => {
    for (const g of ALL_GAPS) expect(g.feature).not.toContain(SEPARATOR);
  });
});
