/**
 * Writes `<fixture>.expected.json` (what `explain` answers) beside every fixture. The expected
 * files are the spec: after running this, read every changed file before you keep it.
 *   npx tsx scripts/capture-fixtures/expect.ts [name-filter]
 */
import { writeFileSync } from 'node:fs';
import { explain } from '../../src/core/docker-output/index.ts';
import { fixtures } from '../../tests/unit/docker-output/fixtures.ts';

const filter = process.argv[2] ?? '';
for (const f of fixtures().filter((x) => x.name.includes(filter))) {
  const json = `${JSON.stringify(explain(f.text), null, 2)}\n`;
  writeFileSync(f.expectedPath, json);
  console.log(`wrote ${f.name}.expected.json`);
}
