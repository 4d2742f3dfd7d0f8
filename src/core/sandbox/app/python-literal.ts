/**
 * Reads the Python literal a route returns (`"Welcome to root"`, `{"message": "hi", "n": 1}`,
 * `[1, 2]`, `True`, `None`) into a JSON value, so the simulated app answers what FastAPI would.
 * Anything that is not a literal (a variable, a call, an f-string) is `undefined`.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function parsePythonLiteral(source: string): Json | undefined {
  const p = new LiteralParser(source.trim());
  const value = p.value();
  return value !== undefined && p.done() ? value : undefined;
}

class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    this.space();
    return this.i >= this.s.length;
  }

  value(): Json | undefined {
    this.space();
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.string();
    if (c === '{') return this.dict();
    if (c === '[' || c === '(') return this.list(c === '[' ? ']' : ')');
    const word = /^(True|False|None|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.s.slice(this.i));
    if (!word) return undefined;
    this.i += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0]);
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private string(): string | undefined {
    const quote = this.s.startsWith(this.s[this.i]!.repeat(3), this.i)
      ? this.s[this.i]!.repeat(3)
      : this.s[this.i]!;
    this.i += quote.length;
    let out = '';
    while (this.i < this.s.length) {
      if (this.s.startsWith(quote, this.i)) {
        this.i += quote.length;
        return out;
      }
      const c = this.s[this.i++]!;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      out += e === 'n' ? '\n' : e === 't' ? '\t' : (e ?? '');
    }
    return undefined;
  }

  private list(close: string): Json[] | undefined {
    this.i++;
    const items: Json[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close) {
        this.i++;
        return items;
      }
      const v = this.value();
      if (v === undefined) return undefined;
      items.push(v);
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) return undefined;
    }
  }

  private dict(): { [key: string]: Json } | undefined {
    this.i++;
    const out: { [key: string]: Json } = {};
    for (;;) {
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value();
      this.space();
      if (key === undefined || this.s[this.i] !== ':') return undefined;
      this.i++;
      const v = this.value();
      if (v === undefined) return undefined;
      out[String(key === true ? 'true' : key === false ? 'false' : key)] = v;
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') return undefined;
    }
  }
}

/** Python's json.dumps as Starlette's JSONResponse calls it: compact, non-ASCII kept. */
export function toJson(value: Json): string {
  return JSON.stringify(value);
}
