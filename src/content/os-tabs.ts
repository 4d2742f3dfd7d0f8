/**
 * The systems a lesson's <OsTabs> block must cover, and which named slots cover which. Shared by the
 * component (it refuses to render a block that leaves one out) and tests/unit/lessons-os-tabs.test.ts
 * (it reads the MDX), so the rule is written once.
 */

export const SYSTEMS = [
  { id: 'linux', label: 'Linux' },
  { id: 'macos', label: 'macOS' },
  { id: 'windows', label: 'Windows (PowerShell)' },
] as const;

export type System = (typeof SYSTEMS)[number]['id'];

/** Slot names an <OsTabs> block may use: one per system, and `unix` for Linux and macOS at once. */
export const SLOT_SYSTEMS: Readonly<Record<string, readonly System[]>> = {
  linux: ['linux'],
  macos: ['macos'],
  windows: ['windows'],
  unix: ['linux', 'macos'],
};

/** The localStorage key that remembers the learner's choice (Base.astro's head script reads it too). */
export const OS_STORAGE_KEY = 'layerwise:os';

/** For each system, the slot that holds its panel; or what is wrong with the set of slots. */
export function slotsBySystem(
  slots: readonly string[],
): { ok: true; bySystem: Record<System, string> } | { ok: false; problem: string } {
  const unknown = slots.filter((s) => !(s in SLOT_SYSTEMS));
  if (unknown.length)
    return {
      ok: false,
      problem: `unknown slot ${unknown.map((s) => `"${s}"`).join(', ')} (use ${Object.keys(SLOT_SYSTEMS).join(', ')})`,
    };
  const bySystem: Partial<Record<System, string>> = {};
  for (const slot of slots)
    for (const system of SLOT_SYSTEMS[slot]!) {
      if (bySystem[system])
        return { ok: false, problem: `${system} is given twice ("${bySystem[system]}", "${slot}")` };
      bySystem[system] = slot;
    }
  const missing = SYSTEMS.filter((s) => !bySystem[s.id]).map((s) => s.label);
  if (missing.length) return { ok: false, problem: `no panel for ${missing.join(', ')}` };
  return { ok: true, bySystem: bySystem as Record<System, string> };
}
