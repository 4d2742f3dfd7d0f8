import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdNames, normaliseBuild } from './normalise.ts';

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

  it('a summary line that ends no line of the failed step is kept as it is', () => {
    const changed = fixture('summary-cut-to-last-piece.txt').replace(
      /^: Permission denied$/m,
      ': Operation not permitted',
    );
    expect(normal(changed)).toContain(': Operation not permitted');
  });
});
