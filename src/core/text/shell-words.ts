/**
 * Just enough of the POSIX shell to read a RUN or CMD line: words with quotes removed, split into
 * simple commands at `&&`, `||`, `;`, `|`, `&` and newlines. Expansions (`$VAR`, `$(…)`) stay as
 * written; callers treat a word holding `$` as unknown. Never throws: an open quote runs to the end.
 */

const OPERATOR_CHARS = new Set(['&', '|', ';', '\n', '(', ')']);

export function splitCommands(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;

  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };

  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close === -1 ? text.length : close;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(text, i + 1, (s) => (word += s));
      inWord = true;
    } else if (c === '\\') {
      // A backslash-newline joins lines; any other escaped character is kept literally.
      if (text[i + 1] !== '\n') {
        word += text[i + 1] ?? '';
        inWord = true;
      }
      i += 2;
    } else if (c === '#' && !inWord) {
      const newline = text.indexOf('\n', i);
      i = newline === -1 ? text.length : newline;
    } else if (OPERATOR_CHARS.has(c)) {
      endCommand();
      i += 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  endCommand();
  return commands;
}

/** Reads a double-quoted string starting after its opening quote; returns the index after the closing one. */
function readDoubleQuoted(text: string, start: number, emit: (s: string) => void): number {
  let i = start;
  while (i < text.length && text[i] !== '"') {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (c === '\\' && '$`"\\\n'.includes(next) && next !== '') {
      if (next !== '\n') emit(next);
      i += 2;
    } else {
      emit(c);
      i += 1;
    }
  }
  return i + 1;
}

/** `["uvicorn", "app.main:app"]`: the exec-form line a learner can paste, from shell words. */
export function toExecForm(words: readonly string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

/** True when a shell line needs a shell to mean what it says (variables, operators, globs, redirections). */
export function needsShell(text: string): boolean {
  return /[$`&|;<>*?(){}~\n]/.test(text);
}
