/**
 * Splits a script into the commands a learner would type one at a time: a here-document, an
 * unclosed quote or a trailing `\`, `&&` or `|` keeps a command going over several lines, as in
 * bash. Blank lines and `#` comment lines between commands are dropped. Used by `layerwise sandbox`
 * and by the scenario runners on both sides (simulator and real engine), so they agree.
 */
import { parseCommandLine } from './parse.ts';

export function splitScript(text: string): string[] {
  const commands: string[] = [];
  let pending: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (pending.length === 0 && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    pending.push(line);
    if (parseCommandLine(pending.join('\n')).kind !== 'incomplete') {
      commands.push(pending.join('\n'));
      pending = [];
    }
  }
  // An unfinished last command is still given back: running it shows the learner bash's own error.
  if (pending.length) commands.push(pending.join('\n'));
  return commands;
}
