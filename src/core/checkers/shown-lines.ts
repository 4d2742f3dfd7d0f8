/**
 * The text a person saw on each input line: terminal redraws resolved, colour codes dropped. The
 * panel and the CLI quote a check's line from this, so a tty capture quotes as it looked.
 */
import { normalise } from '../docker-output/normalise.ts';

export function shownLines(text: string): Map<number, string> {
  const shown = new Map<number, string>();
  for (const line of normalise(text)) shown.set(line.n, line.text);
  return shown;
}
