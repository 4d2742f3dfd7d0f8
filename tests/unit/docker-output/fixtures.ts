/** The real-output fixtures of tests/fixtures/docker-output and their checked-in expected explanations. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = new URL('../../fixtures/docker-output/', import.meta.url).pathname;

export interface Fixture {
  /** e.g. `lab/build-first-plain` */
  name: string;
  text: string;
  meta: { source: string; command?: string; note?: string; versions?: Record<string, string> };
  expectedPath: string;
  expected: unknown;
}

export function fixtures(): Fixture[] {
  return ['lab', 'public', 'pastes'].flatMap((dir) =>
    readdirSync(join(FIXTURE_DIR, dir))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const base = join(FIXTURE_DIR, dir, f.slice(0, -4));
        const expectedPath = `${base}.expected.json`;
        return {
          name: `${dir}/${f.slice(0, -4)}`,
          text: readFileSync(`${base}.txt`, 'utf8'),
          meta: JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')),
          expectedPath,
          expected: existsSync(expectedPath)
            ? JSON.parse(readFileSync(expectedPath, 'utf8'))
            : undefined,
        };
      }),
  );
}

export const fixture = (name: string): Fixture => {
  const f = fixtures().find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};
