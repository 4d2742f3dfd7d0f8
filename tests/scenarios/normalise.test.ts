import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdNames, normaliseBuild, normaliseTable } from './normalise.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/buildkit-summary/${name}`, import.meta.url), 'utf8');
const recorded = JSON.parse(
  readFileSync(new URL('./recorded/120-permission-denied-in-build.json', import.meta.url), 'utf8'),
) as { records: { command: string; output: string }[] };
const build = recorded.records.find((r) => r.command.startsWith('docker build'))!.output;
const normal = (text: string) => normaliseBuild(text, new IdNames());
/** From the error summary on (the fixtures' first step was CACHED: built right after another). */
const summary = (text: string) => {
  const lines = normal(text);
  return lines.slice(lines.indexOf('------'));
};

describe("BuildKit's error summary", () => {
  it('holds the whole line as the recording shows it', () => {
    expect(normal(build)).toContain("<t> touch: cannot touch '/demo/nope': Permission denied");
  });

  it.each(['summary-cut-to-last-piece.txt', 'summary-cut-to-middle-piece.txt'])(
    'a summary cut to the pieces after the last timestamp reads as the whole line (%s)',
    (name) => {
      expect(summary(fixture(name))).toEqual(summary(build));
    },
  );

  it('a summary cut down to its bare newline reads as the whole line (CI at 76982b8)', () => {
    const bare = fixture('summary-cut-to-last-piece.txt').replace(/^: Permission denied$/m, '');
    expect(summary(bare)).toEqual(summary(build));
  });

  it('a summary line that ends no line of the failed step is kept as it is', () => {
    const changed = fixture('summary-cut-to-last-piece.txt').replace(
      /^: Permission denied$/m,
      ': Operation not permitted',
    );
    expect(normal(changed)).toContain(': Operation not permitted');
  });
});

describe('docker images rows created in the same second', () => {
  const run = JSON.parse(
    readFileSync(new URL('./recorded/15-cmd-only-change.json', import.meta.url), 'utf8'),
  ) as { records: { command: string; output: string }[] };
  const lines = run.records
    .find((r) => r.command === 'docker images')!
    .output.trimEnd()
    .split('\n')
    .slice(0, 3);
  // The daemon sorts by the creation second; two images of one second come in either order
  // (CI at 76982b8 listed them in the other order than the recording it had then).
  const swapped = [lines[0]!, lines[2]!, lines[1]!];
  // In a scenario the IDs are named earlier (by the build that made them), so in a fixed order.
  const named = () => {
    const ids = new IdNames();
    for (const line of lines.slice(1)) ids.name(line.split(/ {2,}/)[2]!);
    return ids;
  };
  const table = (rows: string[]) => normaliseTable(rows, named(), ['CREATED', 'IMAGE ID']);

  it('compare as a set, by CREATED before IMAGE ID', () => {
    const created = (line: string) => line.split(/ {2,}/)[3];
    expect(created(lines[1]!)).toMatch(/seconds ago/);
    expect(created(lines[2]!)).toBe(created(lines[1]!));
    expect(table(swapped)).toEqual(table(lines));
  });
});

describe('docker images rows whose CREATED reads the same only by timing', () => {
  const run = JSON.parse(
    readFileSync(new URL('./recorded/16-retag.json', import.meta.url), 'utf8'),
  ) as { records: { command: string; output: string }[] };
  // The last listing: v1 and v3 (the rebuild) "1 second ago", then v2 (the first build) "6 seconds ago".
  const lines = run.records
    .filter((r) => r.command === 'docker images')
    .at(-1)!
    .output.trimEnd()
    .split('\n')
    .slice(0, 4);
  const table = (rows: string[]) => {
    // Named as the scenario names them: the first build's ID before the rebuild's.
    const ids = new IdNames();
    for (const line of [lines[3]!, lines[1]!]) ids.name(line.split(/ {2,}/)[2]!);
    return normaliseTable(rows, ids, ['CREATED', 'IMAGE ID']);
  };

  it('sorts newest first when all three read alike, as when they read apart (CI at 162ff7d)', () => {
    const [, v1, v3, v2] = lines as [string, string, string, string];
    expect(v2).toContain('6 seconds ago');
    // The same listing had it been read a little later: every row's CREATED reads alike.
    const alike = [lines[0]!, v1, v2.replace('6 seconds ago', '1 second ago '), v3];
    expect(table(alike)).toEqual(table(lines));
    expect(
      table(lines)!
        .slice(1)
        .map((row) => row.split(' | ')[1]),
    ).toEqual(['v1', 'v3', 'v2']);
  });
});
