/**
 * <OsTabs> blocks in the lessons: each gives Linux, macOS and Windows a panel (the component refuses
 * to build otherwise; this names the lesson and block before a build is tried), and the rule itself.
 */
import { describe, expect, it } from 'vitest';
import { readLessons } from '../../scripts/capture-outputs/lesson-sources.ts';
import { slotsBySystem } from '../../src/content/os-tabs.ts';

/** Each `<OsTabs>…</OsTabs>` block of a lesson, with the slots its direct children name. */
function osTabBlocks(body: string): { at: number; slots: string[] }[] {
  return [...body.matchAll(/<OsTabs\b[^>]*>([\s\S]*?)<\/OsTabs>/g)].map((m) => ({
    at: body.slice(0, m.index).split('\n').length,
    slots: [...m[1]!.matchAll(/^<\w+[^>]*\bslot="([^"]+)"/gm)].map((s) => s[1]!),
  }));
}

const lessons = readLessons();
const blocks = lessons.flatMap((l) =>
  osTabBlocks(l.body).map((b) => ({ where: `${l.slug} (body line ${b.at})`, ...b })),
);

describe('<OsTabs> in the lessons', () => {
  it('are used where commands differ by system', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  it.each(blocks.map((b) => [b.where, b.slots] as const))(
    '%s gives every system a panel',
    (_where, slots) => {
      const result = slotsBySystem(slots);
      expect(result.ok ? 'ok' : result.problem).toBe('ok');
    },
  );
});

describe('slotsBySystem', () => {
  it.each([
    [['linux', 'macos', 'windows'], 'ok'],
    [['unix', 'windows'], 'ok'],
    [['unix'], 'no panel for Windows (PowerShell)'],
    [['linux', 'windows'], 'no panel for macOS'],
    [['unix', 'linux', 'windows'], 'linux is given twice ("unix", "linux")'],
    [['unix', 'win'], 'unknown slot "win" (use linux, macos, windows, unix)'],
    [[], 'no panel for Linux, macOS, Windows (PowerShell)'],
  ])('%j → %s', (slots, expected) => {
    const result = slotsBySystem(slots);
    expect(result.ok ? 'ok' : result.problem).toBe(expected);
  });

  it('maps each system to the slot that holds its panel', () => {
    expect(slotsBySystem(['unix', 'windows'])).toEqual({
      ok: true,
      bySystem: { linux: 'unix', macos: 'unix', windows: 'windows' },
    });
  });
});
