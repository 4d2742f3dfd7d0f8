/**
 * Python release series and their end of life, from python/devguide `include/release-cycle.json`
 * (docker-semantics.md §6). The devguide gives some dates to the day and the newer ones only to
 * the month; a month-only series counts as ended once that month is over.
 */

/** The date this table was last checked against the devguide: the default "today" for core code. */
export const CHECKED_ON = '2026-11-28';

/** What the course recommends instead of an ended series (docker-semantics.md §6). */
export const RECOMMENDED_BASE = 'python:3.13-slim';

const END_OF_LIFE: Readonly<Record<string, string>> = {
  '2.6': '2013-10-29',
  '2.7': '2020-01-01',
  '3.0': '2009-06-27',
  '3.1': '2012-04-09',
  '3.2': '2016-02-20',
  '3.3': '2017-09-29',
  '3.4': '2019-03-18',
  '3.5': '2020-09-30',
  '3.6': '2021-12-23',
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
  '3.10': '2026-10',
  '3.11': '2027-10',
  '3.12': '2028-10',
  '3.13': '2029-10',
  '3.14': '2030-10',
};

/** `3.8`, `3.8.19-slim-bookworm`, `3.10-alpine` → `3.8`/`3.10`; `2` → `2.7` (the python:2 tag); `3`, `slim`, `latest` → null. */
export function pythonSeries(tag: string): string | null {
  const match = /^(\d+)(?:\.(\d+))?(?=$|[.\-_])/.exec(tag);
  if (!match) return null;
  if (match[2] !== undefined) return `${match[1]}.${match[2]}`;
  return match[1] === '2' ? '2.7' : null;
}

/** The end-of-life date (`YYYY-MM-DD` or `YYYY-MM`) when the series has ended by `today`, else null. */
export function endedOn(series: string, today: string): string | null {
  const date = END_OF_LIFE[series];
  if (date === undefined) return null;
  const ended = date.length === 7 ? today.slice(0, 7) > date : today > date;
  return ended ? date : null;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
