/** Word expansion: `~`, `$VAR`, `${VAR}` (with `:-` defaults), `$?`, then globbing of unquoted `*` and `?`. */
import { expandVariables, resolvePath } from '../../text/index.ts';
import type { Vfs } from '../host/vfs.ts';
import type { Word } from './parse.ts';
import type { ShellState } from '../commands/types.ts';

export function expandShellVariables(text: string, shell: ShellState): string {
  return expandVariables(text, (name) =>
    name === '?' ? String(shell.lastExit) : shell.env.get(name),
  ).text;
}

/** A word after expansion: one string, or several when a glob matched files. */
export function expandWord(word: Word, shell: ShellState, fs: Vfs): string[] {
  let text = '';
  let pattern = '';
  let globbing = false;
  word.forEach((part, index) => {
    let value = part.quote === 'single' ? part.text : expandShellVariables(part.text, shell);
    if (index === 0 && part.quote === 'none' && (value === '~' || value.startsWith('~/')))
      value = shell.home + value.slice(1);
    text += value;
    if (part.quote === 'none' && /[*?]/.test(value)) globbing = true;
    pattern += part.quote === 'none' ? value : value.replace(/[*?[\]\\]/g, '\\$&');
  });
  if (!globbing) return [text];
  const matches = glob(pattern, shell.cwd, fs);
  return matches.length ? matches : [text];
}

function glob(pattern: string, cwd: string, fs: Vfs): string[] {
  const slash = pattern.lastIndexOf('/');
  const dir = slash >= 0 ? pattern.slice(0, slash + 1) : '';
  const base = pattern.slice(slash + 1);
  const names = fs.list(resolvePath(cwd, dir || '.'));
  if (typeof names === 'string') return [];
  const re = globToRegExp(base);
  return names
    .filter((n) => re.test(n) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dir + n);
}

/** `*` and `?` within one path segment; `\x` is a literal x. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]!);
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
