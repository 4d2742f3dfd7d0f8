/**
 * The shell's grammar, the part of bash the course uses: words with '…', "…" and \ quoting,
 * `$VAR` expansion, pipes, `&&`, `||`, `;`, `&`, `>`, `>>`, `2>`, `2>&1`, `<`, and here-documents
 * (`cat > app/main.py <<'EOF'`). It never throws: unfinished input is `incomplete` (the terminal
 * asks for more lines, as bash shows `> `), bad input is an `error` worded as bash words it.
 */

/** A piece of a word; quoting decides whether `$` and globs expand. */
export interface WordPart {
  text: string;
  quote: 'none' | 'single' | 'double';
}
export type Word = WordPart[];

export interface Redirect {
  /** `>` and `>>` write stdout, `2>` stderr, `2>&1` joins stderr to stdout, `<` reads a file */
  op: '>' | '>>' | '2>' | '2>>' | '2>&1' | '&>' | '<';
  target: Word;
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
  /** body of a here-document, and whether its delimiter was quoted (no expansion then) */
  heredoc: { body: string; expand: boolean } | null;
}

export interface ListItem {
  pipeline: SimpleCommand[];
  /** how this pipeline joins the next one */
  then: '&&' | '||' | ';' | '&';
}

export type ParseResult =
  { kind: 'ok'; items: ListItem[] } | { kind: 'incomplete' } | { kind: 'error'; message: string };

type Token = { t: 'word'; word: Word } | { t: 'op'; op: string } | { t: 'newline' };

const OPERATORS = [
  '2>&1',
  '2>>',
  '&&',
  '||',
  '>>',
  '<<-',
  '<<',
  '&>',
  '2>',
  '|',
  ';',
  '&',
  '>',
  '<',
];

export function parseCommandLine(input: string): ParseResult {
  const lexed = lex(input);
  if (lexed === 'incomplete') return { kind: 'incomplete' };
  return build(lexed.tokens, lexed.heredocs);
}

interface Lexed {
  tokens: Token[];
  heredocs: { body: string; expand: boolean }[];
}

function lex(input: string): Lexed | 'incomplete' {
  const text = input.replace(/\r\n?/g, '\n');
  const tokens: Token[] = [];
  const heredocs: { body: string; expand: boolean }[] = [];
  const pending: { delimiter: string; strip: boolean; expand: boolean }[] = [];
  let i = 0;
  let word: Word | null = null;
  const push = (textPart: string, quote: WordPart['quote']) => {
    word ??= [];
    const lastPart = word.at(-1);
    if (lastPart && lastPart.quote === quote) lastPart.text += textPart;
    else word.push({ text: textPart, quote });
  };
  const endWord = () => {
    if (word) tokens.push({ t: 'word', word });
    word = null;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      if (i + 1 >= text.length) return 'incomplete';
      if (text[i + 1] !== '\n') push(text[i + 1]!, 'single');
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return 'incomplete';
      push(text.slice(i + 1, end), 'single');
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let part = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length && '$`"\\\n'.includes(text[j + 1]!)) {
          if (text[j + 1] !== '\n') part += text[j + 1];
          j += 2;
        } else part += text[j++];
      }
      if (j >= text.length) return 'incomplete';
      push(part, 'double');
      i = j + 1;
    } else if (c === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '\n') {
      endWord();
      tokens.push({ t: 'newline' });
      i++;
      for (const doc of pending.splice(0)) {
        const body = readHeredoc(text, i, doc.delimiter, doc.strip);
        if (!body) return 'incomplete';
        heredocs.push({ body: body.body, expand: doc.expand });
        i = body.next;
      }
    } else {
      const op =
        word === null || c !== '2' ? OPERATORS.find((o) => text.startsWith(o, i)) : undefined;
      if (op) {
        endWord();
        tokens.push({ t: 'op', op });
        i += op.length;
        if (op === '<<' || op === '<<-') {
          while (text[i] === ' ') i++;
          const m = /^(['"]?)([A-Za-z0-9_.-]+)\1/.exec(text.slice(i));
          if (!m) return 'incomplete';
          pending.push({ delimiter: m[2]!, strip: op === '<<-', expand: m[1] === '' });
          i += m[0].length;
        }
      } else {
        push(c, 'none');
        i++;
      }
    }
  }
  endWord();
  if (pending.length) return 'incomplete';
  return { tokens, heredocs };
}

function readHeredoc(
  text: string,
  start: number,
  delimiter: string,
  strip: boolean,
): { body: string; next: number } | null {
  let i = start;
  const lines: string[] = [];
  while (i <= text.length) {
    const end = text.indexOf('\n', i);
    const line = text.slice(i, end < 0 ? text.length : end);
    const compared = strip ? line.replace(/^\t+/, '') : line;
    if (compared === delimiter)
      return { body: lines.map((l) => `${l}\n`).join(''), next: end < 0 ? text.length : end + 1 };
    if (end < 0) return null;
    lines.push(compared);
    i = end + 1;
  }
  return null;
}

function build(tokens: Token[], heredocs: { body: string; expand: boolean }[]): ParseResult {
  const items: ListItem[] = [];
  let pipeline: SimpleCommand[] = [];
  let command: SimpleCommand | null = null;
  let docIndex = 0;
  const syntax = (token: string): ParseResult => ({
    kind: 'error',
    message: `bash: syntax error near unexpected token \`${token}'`,
  });
  const finishCommand = () => {
    if (command) pipeline.push(command);
    command = null;
  };
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.t === 'word') {
      command ??= { words: [], redirects: [], heredoc: null };
      command.words.push(tok.word);
      continue;
    }
    if (tok.t === 'op' && ['>', '>>', '2>', '2>>', '&>', '<'].includes(tok.op)) {
      const next = tokens[k + 1];
      if (next?.t !== 'word') return next?.t === 'op' ? syntax(next.op) : syntax('newline');
      command ??= { words: [], redirects: [], heredoc: null };
      command.redirects.push({ op: tok.op as Redirect['op'], target: next.word });
      k++;
      continue;
    }
    if (tok.t === 'op' && tok.op === '2>&1') {
      command ??= { words: [], redirects: [], heredoc: null };
      command.redirects.push({ op: '2>&1', target: [] });
      continue;
    }
    if (tok.t === 'op' && (tok.op === '<<' || tok.op === '<<-')) {
      command ??= { words: [], redirects: [], heredoc: null };
      command.heredoc = heredocs[docIndex++] ?? { body: '', expand: false };
      continue;
    }
    // a separator: |, &&, ||, ;, &, or a newline
    const op = tok.t === 'newline' ? ';' : tok.op;
    if (op === '|') {
      if (!command) return syntax('|');
      finishCommand();
      continue;
    }
    if (!command) {
      if (tok.t === 'newline' && pipeline.length === 0) continue;
      if (pipeline.length === 0) return syntax(op);
      return tok.t === 'newline' ? { kind: 'incomplete' } : syntax(op);
    }
    finishCommand();
    items.push({ pipeline, then: op as ListItem['then'] });
    pipeline = [];
  }
  if (command) finishCommand();
  else if (pipeline.length > 0) return { kind: 'incomplete' };
  if (pipeline.length) items.push({ pipeline, then: ';' });
  const dangling = [...tokens].reverse().find((t) => t.t !== 'newline');
  if (dangling?.t === 'op' && (dangling.op === '&&' || dangling.op === '||'))
    return { kind: 'incomplete' };
  return { kind: 'ok', items };
}

/** A word's literal text, quotes removed, nothing expanded (for completion and heredoc targets). */
export function wordText(word: Word): string {
  return word.map((p) => p.text).join('');
}
