/**
 * `.dockerignore` as the build client applies it (moby/patternmatcher and its ignorefile reader),
 * for both the sandbox's build context and the Dockerfile analysis. One pattern a line; `#` in
 * column 1 is a comment; leading and trailing slashes are dropped; `!` re-includes; the last
 * matching line wins, and a pattern that matches a folder leaves out everything below it.
 * Wildcards: `*` and `?` stay inside one folder, `[…]` is a class, `\` escapes the next character,
 * and `**` crosses folders with patternmatcher's shortcuts: a leading `**` matches by suffix
 * (`**.log` leaves out `a/b.log`), a trailing one by prefix. [LOCAL] tests/unit/dockerfile/real/.
 */
import { normalizePath } from '../text/index.ts';

export interface IgnorePattern {
  matches: (path: string) => boolean;
  /** a `!` line: a match re-includes the path */
  exclusion: boolean;
}

export function readDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const rawLine of text.replace(/^\ufeff/, '').split('\n')) {
    if (rawLine.startsWith('#')) continue;
    const line = rawLine.trim();
    const exclusion = line.startsWith('!');
    const pattern = normalizePath((exclusion ? line.slice(1) : line).trim()).replace(
      /^\/+|\/+$/g,
      '',
    );
    if (pattern === '' || pattern === '.') continue;
    patterns.push({ matches: compile(pattern), exclusion });
  }
  return patterns;
}

/** True when the context-relative `path` is left out of the build context. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const parts = path.split('/');
  const selfAndParents = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const p of patterns)
    if (selfAndParents.some((candidate) => p.matches(candidate))) ignored = !p.exclusion;
  return ignored;
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

// Regexp characters that mean nothing in a pattern; `[`, `]` and `^` pass through as in patternmatcher.
const LITERAL = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

function compile(pattern: string): (path: string) => boolean {
  let source = '';
  let type: MatchType = 'exact';
  for (let i = 0; i < pattern.length; i++) {
    const start = i;
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      i += pattern[i + 2] === '/' ? 2 : 1;
      if (i + 1 < pattern.length) [source, type] = [`${source}(?:.*/)?`, 'regexp'];
      else if (type === 'exact') type = 'prefix';
      else [source, type] = [`${source}.*`, 'regexp'];
      if (start === 0) type = 'suffix';
    } else if (c === '*' || c === '?')
      [source, type] = [source + (c === '*' ? '[^/]*' : '[^/]'), 'regexp'];
    else if (LITERAL.has(c)) source += `\\${c}`;
    else if (c === '\\' && i + 1 < pattern.length)
      [source, type] = [`${source}\\${pattern[++i] ?? ''}`, 'regexp'];
    else if (c === '\\') source += '\\\\';
    else if (c === '[' || c === ']') [source, type] = [source + c, 'regexp'];
    else source += c;
  }
  switch (type) {
    case 'exact':
      return (path) => path === pattern;
    case 'prefix':
      return (path) => path.startsWith(pattern.slice(0, -2));
    case 'suffix': {
      const suffix = pattern.slice(2);
      return (path) =>
        path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp':
      return regexpMatcher(source);
  }
}

function regexpMatcher(source: string): (path: string) => boolean {
  try {
    const re = new RegExp(`^${source}$`);
    return (path) => re.test(path);
  } catch {
    return () => false; // an unclosed `[`: BuildKit stops the build with a syntax error; here the line leaves nothing out
  }
}
