/**
 * The text a person saw on each input line: terminal redraws resolved, colour codes dropped. The
 * panel and the CLI quote a check's line from this, so a tty capture quotes as it looked.
 */
import { screenLines } from '../text/index.ts';

export function shownLines(text: string): Map<number, string> {
  const shown = new Map<number, string>();
  for (const line of screenLines(text)) shown.set(line.n, line.text);
  return shown;
}
