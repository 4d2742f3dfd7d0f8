/**
 * What the lessons claim, proven on a real Docker Engine: every lab scenario runs again from its files in
 * content/workspace/ (every Dockerfile there is built), and every claim its lesson makes must hold: which
 * steps a rebuild caches, the install re-running in the wrong order, the bodies curl prints, the reset
 * from an app bound to 127.0.0.1, the port clash, each error. Then: every Docker command the lessons
 * show was among the commands run.
 *
 *   flock /tmp/layerwise-docker.lock -c 'npx vitest run --project docker tests/docker/lessons-'
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { scenarioProblems } from '../../scripts/capture-outputs/claims.ts';
import { engineAnswers, runScenario } from '../../scripts/capture-outputs/lab.ts';
import { lessonCommands } from '../../scripts/capture-outputs/lesson-sources.ts';
import { SCENARIOS } from '../../scripts/capture-outputs/scenarios/index.ts';

const engine = engineAnswers();
if (!engine.ok) console.log(`lessons on real Docker: skipped, ${engine.why}`);

describe.skipIf(!engine.ok)('the lessons, on real Docker', () => {
  const ran = new Set<string>();
  const finished = new Set<string>();

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    // Other people's containers on a shared engine do not change what the lessons claim.
    const results = await runScenario(scenario, 'classic', 'tolerate');
    for (const r of results) ran.add(r.shown);
    expect(scenarioProblems(scenario, results)).toEqual([]);
    finished.add(scenario.name);
  });

  it('left none of the images its scenarios remove behind (demo-image:arm64, demo-web, demo-image:non-root)', () => {
    expect(finished.size, 'every scenario must run to the end first').toBe(SCENARIOS.length);
    const images = SCENARIOS.flatMap((s) => s.images ?? []);
    expect(images).toEqual(
      expect.arrayContaining(['demo-image:arm64', 'demo-web', 'demo-image:non-root']),
    );
    const left = images.filter(
      (image) => spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status === 0,
    );
    expect(left).toEqual([]);
  });

  it('ran every Docker command the lessons show', () => {
    expect(finished.size, 'every scenario must run to the end first').toBe(SCENARIOS.length);
    const missing = lessonCommands().filter(
      (c) => /^docker\b/.test(c.command) && !ran.has(c.command),
    );
    expect(missing.map((c) => `${c.slug} (${c.from}): ${c.command}`)).toEqual([]);
  });
});
