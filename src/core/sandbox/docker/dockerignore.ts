/**
 * `.dockerignore` as moby/patternmatcher reads it: one pattern a line, `#` comments, leading and
 * trailing slashes ignored, `*`, `?` and `**`, `!` to re-include; the last matching pattern
 * wins, and a pattern that matches a directory excludes everything below it.
 */
import { normalize } from '../host/paths.ts';

interface Pattern {
  re: RegExp;
  exclusion: boolean;
}

export function readDockerignore(text: string): Pattern[] {
  const patterns: Pattern[] = [];
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (rawLine.startsWith('#')) continue;
    let line = rawLine.trim();
    if (!line) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    line = normalize(line).replace(/^\/+/, '').replace(/\/+$/, '');
    if (!line || line === '.') continue;
    patterns.push({ re: compile(line), exclusion });
  }
  return patterns;
}

function compile(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeChar(pattern[++i]!);
    else re += escapeChar(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeChar(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** True when the context-relative `path` is left out of the build context. */
export function isIgnored(patterns: Pattern[], path: string): boolean {
  const parents: string[] = [];
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) parents.push(parts.slice(0, i).join('/'));
  let ignored = false;
  for (const p of patterns) {
    if (parents.some((candidate) => p.re.test(candidate))) ignored = !p.exclusion;
  }
  return ignored;
}
