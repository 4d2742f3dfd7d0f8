/** Every Docker command a lesson shows is one the lab runs, so the real-engine tests prove it works as shown. */
import { describe, expect, it } from 'vitest';
import { lessonCommands } from '../../scripts/capture-outputs/lesson-sources.ts';
import { shownCommands } from '../../scripts/capture-outputs/scenarios/index.ts';

const shown = lessonCommands();
const ran = shownCommands();

describe('commands in the lessons', () => {
  it('are found (bash blocks and terminal sessions)', () => {
    expect(shown.filter((c) => c.command.startsWith('docker ')).length).toBeGreaterThan(30);
  });

  it('every Docker command shown is run by a lab scenario', () => {
    const missing = shown.filter((c) => /^docker\b/.test(c.command) && !ran.has(c.command));
    expect(missing.map((c) => `${c.slug} (${c.from}): ${c.command}`)).toEqual([]);
  });

  it('every command of an imported session is run by a lab scenario, as shown', () => {
    const missing = shown.filter(
      (c) =>
        c.from.startsWith('content/outputs/') &&
        !c.from.includes('/public/') &&
        !ran.has(c.command),
    );
    expect(missing.map((c) => `${c.slug} (${c.from}): ${c.command}`)).toEqual([]);
  });
});
