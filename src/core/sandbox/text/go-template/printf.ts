/**
 * Go's fmt.Sprintf for the verbs a template's `printf` is used with: %v %s %q %d %t %x %X %f %e %g
 * %c %%, with flags (- + 0 space #), width and precision, and fmt's own marks for a missing,
 * extra or mistyped operand (`%!d(MISSING)`, `%!(EXTRA …)`, `%!d(string=x)`).
 */
import { goQuote } from './lex.ts';
import { concrete, formatFloat, formatValue, typeName, type GoValue } from './values.ts';

export function formatGo(format: string, args: GoValue[]): string {
  let out = '';
  let argIndex = 0;
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    out += format.slice(last, m.index);
    last = m.index + m[0].length;
    const flags = m[1] ?? '';
    const widthText = m[2];
    const precisionText = m[3];
    const verb = m[4]!;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const width =
      widthText === '*'
        ? Number(concrete(args[argIndex++] ?? { type: null, raw: 0 }).raw)
        : widthText
          ? Number(widthText)
          : null;
    const precision =
      precisionText === '*'
        ? Number(concrete(args[argIndex++] ?? { type: null, raw: 0 }).raw)
        : precisionText !== undefined
          ? Number(precisionText)
          : m[0].includes('.')
            ? 0
            : null;
    const arg = args[argIndex++];
    if (!arg) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const text = verbText(verb, concrete(arg), flags, precision);
    out += pad(text, width, flags);
  }
  out += format.slice(last);
  if (argIndex < args.length)
    out += `%!(EXTRA ${args
      .slice(argIndex)
      .map((a) => `${typeName(concrete(a).type)}=${formatValue(concrete(a))}`)
      .join(', ')})`;
  return out;
}

function verbText(verb: string, v: GoValue, flags: string, precision: number | null): string {
  const kind = v.type?.kind;
  const bad = () => `%!${verb}(${typeName(v.type)}=${formatValue(v)})`;
  const sign = (n: number, text: string) =>
    n >= 0 ? (flags.includes('+') ? `+${text}` : flags.includes(' ') ? ` ${text}` : text) : text;
  switch (verb) {
    case 'v':
      return formatValue(v);
    case 's': {
      if (kind !== 'string' && kind !== 'number' && kind !== 'slice')
        return kind ? formatValue(v) : bad();
      const s = formatValue(v);
      return precision === null ? s : [...s].slice(0, precision).join('');
    }
    case 'q':
      return kind === 'string' || kind === 'number' ? goQuote(String(v.raw)) : bad();
    case 't':
      return kind === 'bool' ? String(v.raw) : bad();
    case 'd':
      return kind === 'int' || kind === 'uint' ? sign(Number(v.raw), String(v.raw)) : bad();
    case 'c':
      return kind === 'int' || kind === 'uint' ? String.fromCodePoint(Number(v.raw)) : bad();
    case 'x':
    case 'X': {
      let text: string;
      if (kind === 'int' || kind === 'uint') text = Number(v.raw).toString(16);
      else if (kind === 'string')
        text = [...new TextEncoder().encode(String(v.raw))]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
      else return bad();
      if (flags.includes('#')) text = `0x${text}`;
      return verb === 'X' ? text.toUpperCase() : text;
    }
    case 'f':
    case 'e':
    case 'g': {
      if (kind !== 'float' && kind !== 'int') return bad();
      const n = Number(v.raw);
      if (kind === 'int') return bad();
      const text =
        verb === 'f'
          ? n.toFixed(precision ?? 6)
          : verb === 'e'
            ? n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2')
            : precision === null
              ? formatFloat(n)
              : String(Number(n.toPrecision(precision)));
      return sign(n, text);
    }
    default:
      return `%!${verb}(${typeName(v.type)}=${formatValue(v)})`;
  }
}

function pad(text: string, width: number | null, flags: string): string {
  if (width === null || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[+-]?\d/.test(text)) {
    const signChar = /^[+-]/.test(text) ? text[0]! : '';
    return signChar + text.slice(signChar.length).padStart(width - signChar.length, '0');
  }
  return text.padStart(width);
}
