/**
 * `$(( … ))`: bash's integer arithmetic without assignment. Numbers (decimal, `0x` hex, leading-0
 * octal), variable names (unset or empty is 0), `( )`, unary `+ - ! ~`, `**`, `* / %`, `+ -`,
 * `<< >>`, comparisons, `== !=`, `& ^ |`, `&& ||` and `?:`. Assignment operators are a gap; errors
 * read as bash's (`division by 0 (error token is "0")`).
 */

export type ArithResult = { value: number } | { error: string } | { unsupported: string };

const BINARY: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['|'], 3],
  [['^'], 4],
  [['&'], 5],
  [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7],
  [['<<', '>>'], 8],
  [['+', '-'], 9],
  [['*', '/', '%'], 10],
];

const TOKEN =
  /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&|^?:=])/y;

class Fail {
  constructor(readonly result: ArithResult) {}
}

export function evaluateArithmetic(
  expression: string,
  lookup: (name: string) => string | undefined,
): ArithResult {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let rest = expression;
  for (;;) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(expression.slice(start))) break;
    const m = TOKEN.exec(expression);
    if (!m) {
      rest = expression.slice(start).trim();
      return {
        error: `${expression.trim()}: syntax error: invalid arithmetic operator (error token is "${rest}")`,
      };
    }
    tokens.push(m[1]!);
  }
  if (tokens.some((t) => t === '=') || /\+\+|--|[-+*/%&|^]=|<<=|>>=/.test(expression))
    return { unsupported: expression.trim() };
  if (tokens.length === 0) return { value: 0 };
  let k = 0;
  const text = expression.trim();
  const peek = () => tokens[k];
  const fail = (token: string | undefined, what = 'operand expected'): never => {
    throw new Fail({
      error: `${text}: syntax error: ${what} (error token is "${token === undefined ? '' : tokens.slice(k).join(' ')}")`,
    });
  };

  const primary = (): number => {
    const t = tokens[k++];
    if (t === undefined) return fail(t);
    if (t === '(') {
      const v = ternary();
      if (tokens[k++] !== ')') fail(tokens[k - 1], "missing `)'");
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (/^0[xX]/.test(t)) return parseInt(t, 16);
    if (/^0[0-7]+$/.test(t)) return parseInt(t, 8);
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const value = (lookup(t) ?? '').trim();
      if (value === '') return 0;
      const nested = evaluateArithmetic(value, lookup);
      if ('value' in nested) return nested.value;
      throw new Fail(nested);
    }
    k--;
    return fail(t);
  };

  const power = (): number => {
    const base = primary();
    if (peek() === '**') {
      k++;
      return Math.trunc(base ** power());
    }
    return base;
  };

  const binary = (level: number): number => {
    if (level >= BINARY.length) return power();
    let left = binary(level + 1);
    const [ops] = BINARY[level]!;
    while (ops.includes(peek() ?? '')) {
      const op = tokens[k++]!;
      const right = binary(level + 1);
      left = apply(op, left, right, tokens[k - 1] ?? '');
    }
    return left;
  };

  const ternary = (): number => {
    const condition = binary(0);
    if (peek() !== '?') return condition;
    k++;
    const a = ternary();
    if (tokens[k++] !== ':') fail(tokens[k - 1], "`:' expected for conditional expression");
    const b = ternary();
    return condition ? a : b;
  };

  try {
    const value = ternary();
    if (k < tokens.length) fail(tokens[k], 'syntax error in expression');
    return { value };
  } catch (stop) {
    if (stop instanceof Fail) return stop.result;
    throw stop;
  }

  function apply(op: string, a: number, b: number, token: string): number {
    switch (op) {
      case '||':
        return a || b ? 1 : 0;
      case '&&':
        return a && b ? 1 : 0;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
      case '<':
        return a < b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      default:
        if (b === 0)
          throw new Fail({ error: `${text}: division by 0 (error token is "${token}")` });
        return op === '/' ? Math.trunc(a / b) : a % b;
    }
  }
}
