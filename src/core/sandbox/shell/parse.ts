/**
 * The shell's grammar, the part of bash a learner types: simple commands with redirections
 * (`>`, `>>`, `2>`, `2>&1`, `>&2`, `&>`, `<`, `<<<`) and here-documents, pipes, `!`, `&&`, `||`,
 * `;`, `&`, subshells `( … )`, groups `{ …; }`, `for NAME [in WORDS]; do LIST; done`,
 * `while`/`until LIST; do LIST; done` and `if LIST; then LIST; [elif …] [else LIST;] fi`. Compound
 * commands it does not run (`select`, `case`, functions, `[[ ]]`, process substitution) come back
 * as `unsupported`, so the whole line
 * is refused with one clear message rather than run in pieces. It never throws: unfinished input
 * is `incomplete` (the terminal asks for more, as bash shows `> `), bad input an `error` worded as
 * bash words it.
 */
import { lex, type Heredoc, type Token, type Word } from './lex.ts';
import type { Gap } from '../not-simulated.ts';
import { GAP } from './gaps.ts';

export type { Word, WordPart, Heredoc } from './lex.ts';

export interface Redirect {
  /** `>`/`>>` stdout, `2>`/`2>>` stderr, `2>&1` stderr to stdout, `1>&2` stdout to stderr, `&>`/`&>>` both, `<` a file, `<<<` a string */
  op: '>' | '>>' | '2>' | '2>>' | '2>&1' | '1>&2' | '&>' | '&>>' | '<' | '<<<';
  target: Word;
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
  /** body of a here-document, and whether its delimiter was unquoted (the body expands then) */
  heredoc: Heredoc | null;
  /** `( … )` (a subshell) or `{ …; }`: its list runs instead of words */
  group?: { items: ListItem[]; subshell: boolean };
  /** `for NAME [in WORDS]; do ITEMS; done`: `words` null without `in` (the positional parameters) */
  loop?: { name: string; words: Word[] | null; items: ListItem[] };
  /** `while TEST; do ITEMS; done`, or `until` (`until` true): ITEMS run while TEST succeeds (fails) */
  repeat?: { until: boolean; test: ListItem[]; items: ListItem[] };
  /** `if`: the first arm whose test succeeds runs its body; else `otherwise`, when there is one */
  branch?: { arms: { test: ListItem[]; body: ListItem[] }[]; otherwise: ListItem[] | null };
}

export interface ListItem {
  pipeline: SimpleCommand[];
  /** `! pipeline`: the status is inverted */
  negate?: boolean;
  /** how this pipeline joins the next one */
  then: '&&' | '||' | ';' | '&';
}

export type ParseResult =
  | { kind: 'ok'; items: ListItem[] }
  | { kind: 'incomplete' }
  | { kind: 'error'; message: string }
  | { kind: 'unsupported'; gap: Gap; shown?: string };

/**
 * `aliases`: the shell's (`alias NAME=VALUE`), expanded as bash expands them where a command's
 * first word is read: an unquoted word that names one is replaced by its value, lexed as if typed;
 * a value ending in a blank makes the next word a candidate too; none expands inside itself.
 */
export function parseCommandLine(
  input: string,
  aliases?: ReadonlyMap<string, string>,
): ParseResult {
  const lexed = lex(input);
  if (lexed === 'incomplete') return { kind: 'incomplete' };
  try {
    const parser = new Parser(lexed.tokens, lexed.heredocs, aliases);
    const items = parser.list(null);
    return { kind: 'ok', items };
  } catch (stop) {
    if (stop instanceof Stop) return stop.result;
    throw stop;
  }
}

/** A word's text as typed, quotes removed, nothing expanded (completion, messages). */
export function wordText(word: Word): string {
  return word.map((p) => (p.kind ? (p.raw ?? p.text) : p.text)).join('');
}

/** A word that is one unquoted literal, as reserved words must be. */
function bare(word: Word): string | null {
  return word.length === 1 && word[0]!.quote === 'none' && !word[0]!.kind ? word[0]!.text : null;
}

class Stop {
  constructor(readonly result: Exclude<ParseResult, { kind: 'ok' }>) {}
}

/** Words that only continue a compound command: bash's syntax error where one begins a command. */
const CONTINUING = new Set(['then', 'elif', 'else', 'fi', 'do', 'done']);

const RESERVED: Record<string, Gap> = {
  case: GAP.conditionals,
  esac: GAP.conditionals,
  select: GAP.select,
  function: GAP.functions,
  '[[': GAP.doubleBracket,
  time: GAP.time,
  coproc: GAP.functions,
};

const REDIRECTS = new Set(['>', '>>', '2>', '2>>', '1>', '1>>', '&>', '&>>', '<', '<<<']);

class Parser {
  private k = 0;
  private doc = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly heredocs: Heredoc[],
    private readonly aliases: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * Replaces the word at `at` by its alias's tokens while it names one not expanded yet here;
   * returns where the next word is when the value ended in a blank (it is looked up too), else null.
   */
  private expandAliases(at: number, expanded: Set<string>): number | null {
    let length = 1;
    let next: number | null = null;
    for (;;) {
      const tok = this.tokens[at];
      const name = tok?.t === 'word' ? bare(tok.word) : null;
      const value = name === null ? undefined : this.aliases.get(name);
      if (name === null || value === undefined || expanded.has(name)) return next;
      expanded.add(name);
      const lexed = lex(value);
      // A value that does not lex on its own (an open quote) is left as the word it was.
      if (lexed === 'incomplete' || lexed.heredocs.length) return next;
      const inserted = lexed.tokens.filter((t) => t.t !== 'newline');
      this.tokens.splice(at, 1, ...inserted);
      length += inserted.length - 1;
      next = /[ \t]$/.test(value) ? at + length : null;
      if (inserted.length === 0) return next;
    }
  }

  /** A list up to `close` (`)`, or one of the reserved words that end it), or to the end of input when null. */
  list(close: ')' | readonly string[] | null): ListItem[] {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.tokens[this.k];
      if (!tok) {
        if (close) this.stop({ kind: 'incomplete' });
        return items;
      }
      if (close === ')' && tok.t === 'op' && tok.op === ')') return items;
      if (Array.isArray(close) && tok.t === 'word' && close.includes(bare(tok.word) ?? ''))
        return items;
      if (tok.t === 'op' && tok.op !== '(' && tok.op !== '!' && !REDIRECTS.has(tok.op))
        this.syntax(tok.op);
      const item = this.andOr();
      items.push(...item);
      const sep = this.tokens[this.k];
      if (!sep) {
        if (close) this.stop({ kind: 'incomplete' });
        return items;
      }
      if (sep.t === 'newline' || (sep.t === 'op' && (sep.op === ';' || sep.op === '&'))) {
        items.at(-1)!.then = sep.t === 'newline' ? ';' : (sep.op as ';' | '&');
        this.k++;
        continue;
      }
      if (close === ')' && sep.t === 'op' && sep.op === ')') return items;
      if (Array.isArray(close) && sep.t === 'word' && close.includes(bare(sep.word) ?? ''))
        return items;
      this.syntax(sep.t === 'op' ? sep.op : wordTextOf(sep));
    }
  }

  /** pipelines joined by `&&` and `||` */
  private andOr(): ListItem[] {
    const items: ListItem[] = [this.pipeline()];
    for (;;) {
      const tok = this.tokens[this.k];
      if (tok?.t !== 'op' || (tok.op !== '&&' && tok.op !== '||')) return items;
      this.k++;
      this.skipNewlines();
      if (!this.tokens[this.k]) this.stop({ kind: 'incomplete' });
      items.at(-1)!.then = tok.op;
      items.push(this.pipeline());
    }
  }

  private pipeline(): ListItem {
    let negate = false;
    const first = this.tokens[this.k];
    if (first?.t === 'word' && bare(first.word) === '!') {
      negate = true;
      this.k++;
    }
    const pipeline: SimpleCommand[] = [this.command()];
    for (;;) {
      const tok = this.tokens[this.k];
      if (tok?.t !== 'op' || tok.op !== '|') break;
      this.k++;
      this.skipNewlines();
      if (!this.tokens[this.k]) this.stop({ kind: 'incomplete' });
      pipeline.push(this.command());
    }
    return negate ? { pipeline, negate, then: ';' } : { pipeline, then: ';' };
  }

  private command(): SimpleCommand {
    const command: SimpleCommand = { words: [], redirects: [], heredoc: null };
    if (this.aliases.size) {
      const expanded = new Set<string>();
      for (let at: number | null = this.k; at !== null;) at = this.expandAliases(at, expanded);
    }
    const tok = this.tokens[this.k];
    if (!tok) this.stop({ kind: 'incomplete' });
    if (tok.t === 'op' && tok.op === '(') {
      this.k++;
      const items = this.list(')');
      if (items.length === 0) this.syntax(')');
      this.k++;
      command.group = { items, subshell: true };
    } else if (tok.t === 'word' && bare(tok.word) === '{') {
      this.k++;
      const items = this.list(['}']);
      if (items.length === 0) this.syntax('}');
      this.k++;
      command.group = { items, subshell: false };
    } else if (tok.t === 'word' && bare(tok.word) === 'for') command.loop = this.forLoop();
    else if (tok.t === 'word' && bare(tok.word) === 'if') command.branch = this.ifClause();
    else if (tok.t === 'word' && (bare(tok.word) === 'while' || bare(tok.word) === 'until'))
      command.repeat = this.repeatLoop();
    for (;;) {
      const t = this.tokens[this.k];
      if (!t || t.t === 'newline') break;
      if (t.t === 'word') {
        if (command.group || command.loop || command.branch || command.repeat)
          this.syntax(wordTextOf(t));
        if (command.words.length === 0) {
          const reserved = bare(t.word);
          if (reserved !== null && CONTINUING.has(reserved)) this.syntax(reserved);
          if (reserved !== null && reserved in RESERVED)
            this.stop({ kind: 'unsupported', gap: RESERVED[reserved]! });
        }
        command.words.push(t.word);
        this.k++;
        continue;
      }
      const op = t.op;
      if (REDIRECTS.has(op)) {
        const next = this.tokens[this.k + 1];
        if (next?.t === 'op' && next.op === '(' && (op === '<' || op === '>'))
          this.stop({ kind: 'unsupported', gap: GAP.processSubstitution, shown: `${op}(…)` });
        if (next?.t !== 'word') this.syntax(next?.t === 'op' ? next.op : 'newline');
        const normal = op === '1>' ? '>' : op === '1>>' ? '>>' : op;
        command.redirects.push({ op: normal as Redirect['op'], target: next.word });
        this.k += 2;
        continue;
      }
      if (op === '2>&1' || op === '1>&2' || op === '>&2') {
        command.redirects.push({ op: op === '2>&1' ? '2>&1' : '1>&2', target: [] });
        this.k++;
        continue;
      }
      if (op === '<<' || op === '<<-') {
        command.heredoc = this.heredocs[this.doc++] ?? { body: '', expand: false };
        this.k++;
        continue;
      }
      if (op === '(') {
        // `name() { …; }` defines a function; anything else before `(` is bash's syntax error.
        const next = this.tokens[this.k + 1];
        if (command.words.length === 1 && next?.t === 'op' && next.op === ')')
          this.stop({ kind: 'unsupported', gap: GAP.functions });
        this.syntax('(');
      }
      break;
    }
    if (
      !command.group &&
      !command.loop &&
      !command.branch &&
      !command.repeat &&
      command.words.length === 0 &&
      command.redirects.length === 0 &&
      !command.heredoc
    ) {
      const t = this.tokens[this.k];
      this.syntax(!t ? 'newline' : t.t === 'op' ? t.op : 'newline');
    }
    return command;
  }

  /** `for NAME [in WORDS]` then `;` or a newline, `do`, the body, `done` (bash's words for its errors). */
  private forLoop(): NonNullable<SimpleCommand['loop']> {
    this.k++;
    const named = this.tokens[this.k];
    if (!named) this.stop({ kind: 'incomplete' });
    // bash checks the name when the loop runs (`1x': not a valid identifier, status 1)
    if (named.t !== 'word') this.syntax(wordTextOf(named));
    const name = wordText(named.word);
    this.k++;
    let words: Word[] | null = null;
    const next = this.tokens[this.k];
    if (next?.t === 'word' && bare(next.word) === 'in') {
      this.k++;
      words = [];
      for (let t = this.tokens[this.k]; t?.t === 'word'; t = this.tokens[++this.k])
        words.push(t.word);
    }
    const end = this.tokens[this.k];
    if (!end) this.stop({ kind: 'incomplete' });
    if (end.t === 'newline' || (end.t === 'op' && end.op === ';')) this.k++;
    else if (!(end.t === 'word' && bare(end.word) === 'do')) this.syntax(wordTextOf(end));
    this.skipNewlines();
    const body = this.tokens[this.k];
    if (!body) this.stop({ kind: 'incomplete' });
    if (!(body.t === 'word' && bare(body.word) === 'do')) this.syntax(wordTextOf(body));
    this.k++;
    const items = this.list(['done']);
    if (items.length === 0) this.syntax('done');
    this.k++;
    return { name, words, items };
  }

  /** `while` or `until`, the test's list, `do`, the body, `done`. */
  private repeatLoop(): NonNullable<SimpleCommand['repeat']> {
    const until = bare((this.tokens[this.k++] as Extract<Token, { t: 'word' }>).word) === 'until';
    const test = this.list(['do']);
    if (test.length === 0) this.syntax('do');
    this.k++;
    const items = this.list(['done']);
    if (items.length === 0) this.syntax('done');
    this.k++;
    return { until, test, items };
  }

  /** `if LIST; then LIST;` any `elif LIST; then LIST;`, an optional `else LIST;`, then `fi`. */
  private ifClause(): NonNullable<SimpleCommand['branch']> {
    const arms: { test: ListItem[]; body: ListItem[] }[] = [];
    let otherwise: ListItem[] | null = null;
    this.k++;
    for (;;) {
      const test = this.list(['then']);
      if (test.length === 0) this.syntax('then');
      this.k++;
      const body = this.list(['elif', 'else', 'fi']);
      const word = bare((this.tokens[this.k] as Extract<Token, { t: 'word' }>).word)!;
      if (body.length === 0) this.syntax(word);
      arms.push({ test, body });
      this.k++;
      if (word === 'elif') continue;
      if (word === 'else') {
        otherwise = this.list(['fi']);
        if (otherwise.length === 0) this.syntax('fi');
        this.k++;
      }
      return { arms, otherwise };
    }
  }

  private skipNewlines(): void {
    while (this.tokens[this.k]?.t === 'newline') this.k++;
  }

  private syntax(token: string): never {
    return this.stop({
      kind: 'error',
      message: `bash: syntax error near unexpected token \`${token}'`,
    });
  }

  private stop(result: Exclude<ParseResult, { kind: 'ok' }>): never {
    throw new Stop(result);
  }
}

function wordTextOf(tok: Token): string {
  return tok.t === 'word' ? wordText(tok.word) : tok.t === 'op' ? tok.op : 'newline';
}
