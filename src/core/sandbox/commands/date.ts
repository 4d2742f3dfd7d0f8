/**
 * `date` as GNU coreutils 9 prints it on the sandbox's laptop (TZ UTC, LANG C.UTF-8), read from the
 * machine's clock: the default form, -u, -R, -I[FMT], --rfc-3339=FMT and +FORMAT with the
 * conversions and padding flags a learner uses (recorded: tests/fixtures/sandbox/real/shell/date.json).
 * Another date than now (-d, -f, -r) and setting the clock (-s, an MMDDhhmm operand) are gaps.
 */
import { notSimulated } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';
import type { Command, CommandContext } from './types.ts';
import { quote, tryHelp } from './messages.ts';
import { DAYS, MONTHS } from '../../text/index.ts';

const ISO = ['hours', 'minutes', 'date', 'seconds', 'ns'];
const RFC_3339 = ['date', 'seconds', 'ns'];

/** The day of the year, 0-based, of a UTC date. */
function yearDay(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000);
}

/** ISO 8601's week-numbering year and week of a UTC date. */
function isoWeek(d: Date): { year: number; week: number } {
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  return {
    year: thursday.getUTCFullYear(),
    week: Math.floor(yearDay(thursday) / 7) + 1,
  };
}

/** strftime's conversions: a number with its default padding, or text. */
function convert(
  d: Date,
  ms: number,
  c: string,
): { n: number; width: number; pad: string } | string | null {
  const num = (n: number, width = 2, pad = '0') => ({ n, width, pad });
  const h = d.getUTCHours();
  const pad2 = (n: number) => String(n).padStart(2, '0');
  switch (c) {
    case 'a':
      return DAYS[d.getUTCDay()]!.slice(0, 3);
    case 'A':
      return DAYS[d.getUTCDay()]!;
    case 'b':
    case 'h':
      return MONTHS[d.getUTCMonth()]!.slice(0, 3);
    case 'B':
      return MONTHS[d.getUTCMonth()]!;
    case 'c':
      return format(d, ms, '%a %b %e %H:%M:%S %Y');
    case 'C':
      return num(Math.floor(d.getUTCFullYear() / 100));
    case 'd':
      return num(d.getUTCDate());
    case 'D':
    case 'x':
      return format(d, ms, '%m/%d/%y');
    case 'e':
      return num(d.getUTCDate(), 2, ' ');
    case 'F':
      return format(d, ms, '%Y-%m-%d');
    case 'g':
      return num(isoWeek(d).year % 100);
    case 'G':
      return num(isoWeek(d).year, 1);
    case 'H':
      return num(h);
    case 'I':
      return num(h % 12 || 12);
    case 'j':
      return num(yearDay(d) + 1, 3);
    case 'k':
      return num(h, 2, ' ');
    case 'l':
      return num(h % 12 || 12, 2, ' ');
    case 'm':
      return num(d.getUTCMonth() + 1);
    case 'M':
      return num(d.getUTCMinutes());
    case 'n':
      return '\n';
    case 'N':
      return String((ms % 1000) * 1_000_000).padStart(9, '0');
    case 'p':
      return h < 12 ? 'AM' : 'PM';
    case 'P':
      return h < 12 ? 'am' : 'pm';
    case 'q':
      return num(Math.floor(d.getUTCMonth() / 3) + 1, 1);
    case 'r':
      return format(d, ms, '%I:%M:%S %p');
    case 'R':
      return `${pad2(h)}:${pad2(d.getUTCMinutes())}`;
    case 's':
      return num(Math.floor(ms / 1000), 1);
    case 'S':
      return num(d.getUTCSeconds());
    case 't':
      return '\t';
    case 'T':
    case 'X':
      return format(d, ms, '%H:%M:%S');
    case 'u':
      return num(d.getUTCDay() || 7, 1);
    case 'U':
      return num(Math.floor((yearDay(d) + 7 - d.getUTCDay()) / 7));
    case 'V':
      return num(isoWeek(d).week);
    case 'w':
      return num(d.getUTCDay(), 1);
    case 'W':
      return num(Math.floor((yearDay(d) + 7 - ((d.getUTCDay() + 6) % 7)) / 7));
    case 'y':
      return num(d.getUTCFullYear() % 100);
    case 'Y':
      return num(d.getUTCFullYear(), 1);
    case 'z':
      return '+0000';
    case ':z':
      return '+00:00';
    case 'Z':
      return 'UTC';
    case '%':
      return '%';
    default:
      return null;
  }
}

/** strftime as coreutils' date reads FORMAT: flags `-` `_` `0` `^`, a width, `%:z`, `%3N`. */
export function format(d: Date, ms: number, pattern: string): string {
  return pattern.replace(
    /%([-_0^#]*)(\d*)(:?[a-zA-Z%])/g,
    (whole, flags: string, width: string, c: string) => {
      if (c === 'N' && width) {
        return String((ms % 1000) * 1_000_000)
          .padStart(9, '0')
          .slice(0, Number(width))
          .padEnd(Number(width), '0');
      }
      const value = convert(d, ms, c);
      if (value === null) return whole;
      if (typeof value === 'string') {
        const text = flags.includes('^') ? value.toUpperCase() : value;
        return width ? text.padStart(Number(width), flags.includes('0') ? '0' : ' ') : text;
      }
      const digits = String(value.n);
      if (flags.includes('-')) return digits;
      const pad = flags.includes('_') ? ' ' : flags.includes('0') ? '0' : value.pad;
      return digits.padStart(width ? Number(width) : value.width, pad);
    },
  );
}

/** An option's argument among `valid` (a unique prefix will do), or coreutils' refusal. */
function pick(ctx: CommandContext, option: string, arg: string, valid: string[]): string | null {
  const found = valid.filter((v) => v.startsWith(arg));
  if (arg && (found.length === 1 || valid.includes(arg)))
    return valid.includes(arg) ? arg : found[0]!;
  ctx.io.err(
    `date: ${arg ? 'invalid' : 'ambiguous'} argument ${quote(ctx, arg)} for ${quote(ctx, option)}\n` +
      `Valid arguments are:\n${valid.map((v) => `  - ${quote(ctx, v)}\n`).join('')}${tryHelp(ctx)}`,
  );
  return null;
}

/** ISO 8601 and RFC 3339 forms, to the precision asked. */
function precise(d: Date, ms: number, precision: string, separator: string): string {
  const day = format(d, ms, '%Y-%m-%d');
  switch (precision) {
    case 'date':
      return day;
    case 'hours':
      return `${day}${separator}${format(d, ms, '%H')}+00:00`;
    case 'minutes':
      return `${day}${separator}${format(d, ms, '%H:%M')}+00:00`;
    case 'seconds':
      return `${day}${separator}${format(d, ms, '%H:%M:%S')}+00:00`;
    default:
      return `${day}${separator}${format(d, ms, `%H:%M:%S${separator === 'T' ? ',' : '.'}%N`)}+00:00`;
  }
}

export const date: Command = (ctx) => {
  const ms = ctx.host.clock.now();
  const d = new Date(ms);
  let pattern = '%a %b %e %H:%M:%S %Z %Y';
  let operand: string | null = null;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a === '-R' || a === '--rfc-email') {
      pattern = '%a, %d %b %Y %H:%M:%S %z';
      continue;
    }
    const iso = /^(?:-I|--iso-8601(?:=|$))(.*)$/.exec(a);
    if (iso) {
      const precision = iso[1] ? pick(ctx, '--iso-8601', iso[1], ISO) : 'date';
      if (precision === null) return 1;
      pattern = precise(d, ms, precision, 'T').replace(/%/g, '%%');
      continue;
    }
    const rfc = /^--rfc-3339(?:=(.*))?$/.exec(a);
    if (rfc) {
      const precision = pick(ctx, '--rfc-3339', rfc[1] ?? '', RFC_3339);
      if (precision === null) return 1;
      pattern = precise(d, ms, precision, ' ').replace(/%/g, '%%');
      continue;
    }
    if (/^(-[dfrs]|--(date|file|reference|set)\b)/.test(a))
      return notSimulated(ctx.io, GAP.otherDates);
    if (a.startsWith('--') && a.length > 2) {
      ctx.io.err(`date: unrecognized option '${a}'\n${tryHelp(ctx)}`);
      return 1;
    }
    if (a.startsWith('-') && a.length > 1) {
      ctx.io.err(`date: invalid option -- '${a[1]}'\n${tryHelp(ctx)}`);
      return 1;
    }
    if (operand !== null) {
      ctx.io.err(`date: extra operand ${quote(ctx, a)}\n${tryHelp(ctx)}`);
      return 1;
    }
    operand = a;
  }
  if (operand !== null && !operand.startsWith('+')) {
    if (/^\d{8}(\d{2}(\d{2})?)?(\.\d{2})?$/.test(operand))
      return notSimulated(ctx.io, GAP.otherDates);
    ctx.io.err(`date: invalid date ${quote(ctx, operand)}\n`);
    return 1;
  }
  ctx.io.out(`${format(d, ms, operand !== null ? operand.slice(1) : pattern)}\n`);
  return 0;
};
