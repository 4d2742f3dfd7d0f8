/**
 * Which terminal command a verdict judged. A transcript may hold several `docker ps`; the checks
 * read the last one, and a learner who changed things after it must see that the verdict is about
 * the older output (walkthrough item 14).
 */
import type { SandboxEvent, Verdict } from '../evidence.ts';
import { codeSpan } from '../inline-code.ts';
import { transcriptBlocks } from './reading.ts';

const SHOWN = 3;
const short = (command: string) => (command.length > 60 ? `${command.slice(0, 59)}…` : command);

/** The command whose output holds line `line` (1-based) of the transcript read as a paste, and those after it. */
export function commandAt(
  events: readonly SandboxEvent[],
  line: number,
): { command: string; after: string[] } | null {
  const blocks = transcriptBlocks(events);
  let end = 0;
  for (const [i, block] of blocks.entries()) {
    end += block.lines.length;
    if (line <= end)
      return { command: block.command, after: blocks.slice(i + 1).map((b) => b.command) };
  }
  return null;
}

/** One sentence naming the judged command, with `code` marks; null when the checks point at no output. */
export function judgedCommand(events: readonly SandboxEvent[], verdict: Verdict): string | null {
  const line = verdict.checks.find((c) => c.line !== undefined)?.line;
  const found = line === undefined ? null : commandAt(events, line);
  if (!found) return null;
  const judged = codeSpan(short(found.command));
  if (found.after.length === 0) return `Judged from the terminal’s last command, ${judged}.`;
  const later = found.after.slice(0, SHOWN).map((c) => codeSpan(short(c)));
  const more = found.after.length - later.length;
  if (more > 0) later.push(`${more} more`);
  const list =
    later.length === 1 ? later[0] : `${later.slice(0, -1).join(', ')} and ${later.at(-1)}`;
  return `Judged from ${judged}; after it you ran ${list}: run it again to see what changed.`;
}
