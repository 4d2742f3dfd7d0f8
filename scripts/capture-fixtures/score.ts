/**
 * The share of facts `explain` gets right on fixtures that carry a hand-judged `<name>.truth.json`:
 * each truth part lists the facts a right reading has (kind, tool, a build's success and error
 * kind, a run error's kind and port …), compared with the part at the same position.
 * Two figures: the held-out set (tests/fixtures/docker-output/heldout: judged before any parser
 * work, never read while changing the parser) and the fixtures the parser is developed against
 * (lab, public, pastes: their truths were drafted from the reading and corrected by eye, so they
 * show what is still known to be wrong, not an independent measure).
 *   npx tsx scripts/capture-fixtures/score.ts [--verbose] [dir ...]   (default: both)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explain, type Part } from '../../src/core/docker-output/index.ts';
import { FIXTURE_DIR } from '../../tests/unit/docker-output/fixtures.ts';

interface Truth {
  count?: number;
  parts: Record<string, unknown>[];
}

/** A fact of a part: a dotted path into the contract's part, or one of the counts below. */
function factOf(part: Part | undefined, key: string): unknown {
  if (!part) return undefined;
  const p = part as unknown as Record<string, any>;
  switch (key) {
    case 'build.steps.count':
      return p['build']?.steps.length;
    case 'build.steps.cachedCount':
      return p['build']?.steps.filter((s: { cached: boolean }) => s.cached).length;
    case 'build.steps.failedIndex':
      return p['build']?.steps.find((s: { failed: boolean }) => s.failed)?.index ?? null;
    case 'containerLog.failed':
      return p['containerLog'] ? p['containerLog'].errors.length > 0 : undefined;
    case 'ps.count':
      return p['ps']?.containers.length;
    case 'ps.names':
      return p['ps']?.containers.map((c: { names: string }) => c.names);
    case 'ps.running':
      return p['ps']?.containers.map((c: { running: boolean }) => c.running);
    case 'images.count':
      return p['images']?.images.length;
    case 'images.first': {
      const i = p['images']?.images[0];
      return i ? `${i.repository}:${i.tag}` : undefined;
    }
    default:
      return key.split('.').reduce<any>((v, k) => (v == null ? undefined : v[k]), p);
  }
}

export interface Score {
  name: string;
  right: number;
  total: number;
  wrong: string[];
  crashed: boolean;
}

export function score(dir: string): Score[] {
  const root = join(FIXTURE_DIR, dir);
  return readdirSync(root)
    .filter((f) => f.endsWith('.truth.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.truth.json'.length);
      const truth = JSON.parse(readFileSync(join(root, f), 'utf8')) as Truth;
      const txt = join(root, `${name}.txt`);
      const s: Score = { name, right: 0, total: 0, wrong: [], crashed: false };
      let parts: Part[] = [];
      try {
        parts = existsSync(txt) ? explain(readFileSync(txt, 'utf8')).parts : [];
      } catch {
        s.crashed = true;
      }
      const check = (key: string, want: unknown, got: unknown) => {
        s.total++;
        if (JSON.stringify(want) === JSON.stringify(got ?? null)) s.right++;
        else s.wrong.push(`${key}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      };
      if (truth.count !== undefined) check('parts', truth.count, parts.length);
      truth.parts.forEach((facts, i) => {
        for (const [key, want] of Object.entries(facts))
          check(`${i + 1}.${key}`, want, factOf(parts[i], key));
      });
      return s;
    });
}

/** The fixtures the parser is developed against, scored together. */
export const DEVELOPMENT_DIRS = ['lab', 'public', 'pastes'];

function report(label: string, scores: Score[], verbose: boolean): void {
  const right = scores.reduce((n, s) => n + s.right, 0);
  const total = scores.reduce((n, s) => n + s.total, 0);
  if (verbose)
    for (const s of scores)
      if (s.wrong.length || s.crashed)
        console.log(`${s.name}${s.crashed ? ' CRASHED' : ''}\n  ${s.wrong.join('\n  ')}`);
  const someWrong = scores.filter((s) => s.wrong.length).length;
  console.log(
    `${label}: ${scores.length} outputs, ${right}/${total} facts right (${((100 * right) / total).toFixed(1)} %), ` +
      `${someWrong} outputs with a wrong fact, ${scores.filter((s) => s.crashed).length} crashes`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  for (const dir of dirs.length ? dirs : ['fixtures', 'heldout'])
    if (dir === 'fixtures')
      report(
        `fixtures (${DEVELOPMENT_DIRS.join(', ')})`,
        DEVELOPMENT_DIRS.flatMap((d) => score(d).map((s) => ({ ...s, name: `${d}/${s.name}` }))),
        verbose,
      );
    else report(dir, score(dir), verbose);
}
