/** Small helpers that keep the findings' wording uniform. */
import { MONTHS } from '../text/index.ts';

const MAX_QUOTE = 60;

/** A line of the learner's text, quoted in backticks and cut short when long. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat}\``;
}

/** `a`, `a and b`, `a, b and c` */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `2024-10-07` → `7 October 2024`; `2026-10` → `October 2026`. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** Levenshtein distance, for "did you mean COPY?" on a misspelt instruction. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
